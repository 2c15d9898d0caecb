import { useSearchParams } from 'react-router';

/**
 * The instance the dashboard shows, kept in the URL as `?instance=<id>` (absent: the whole
 * deployment), and a setter that keeps every other parameter.
 */
export function useInstanceParam(): [string | null, (instance: string | null) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const instance = searchParams.get('instance') || null;
  const setInstance = (next: string | null) => {
    const params = new URLSearchParams(searchParams);
    if (next === null) params.delete('instance');
    else params.set('instance', next);
    setSearchParams(params);
  };
  return [instance, setInstance];
}
