import { afterEach, describe, expect, it } from 'vitest';
import { adoptApiKeyFromFragment, getApiKey, setApiKey } from './api-key.ts';
import { retryDelayMs, MAX_RETRY_DELAY_MS } from './live-connection.ts';

/** A location and a history that record what `replaceState` made of the address. */
function address(pathname: string, search: string, hash: string) {
  const replaced: string[] = [];
  return {
    location: { pathname, search, hash },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url?: string | URL | null) => {
        replaced.push(String(url));
      },
    },
    replaced,
  };
}

afterEach(() => {
  setApiKey(null);
});

describe('a key in the address fragment', () => {
  it('is stored and removed from the address, other fragment parameters kept', () => {
    const { location, history, replaced } = address('/monitoring', '?kiosk', '#key=tk_abc&x=1');
    expect(adoptApiKeyFromFragment(location, history)).toBe(true);
    expect(getApiKey()).toBe('tk_abc');
    expect(replaced).toEqual(['/monitoring?kiosk#x=1']);
  });

  it('leaves the address and the stored key alone without one', () => {
    setApiKey('tk_kept');
    const { location, history, replaced } = address('/monitoring', '', '#section');
    expect(adoptApiKeyFromFragment(location, history)).toBe(false);
    expect(getApiKey()).toBe('tk_kept');
    expect(replaced).toEqual([]);
  });
});

describe('reconnection back-off', () => {
  it('doubles from 1 s and stops growing at the cap, plus at most 1 s of jitter', () => {
    expect(retryDelayMs(0, () => 0)).toBe(1000);
    expect(retryDelayMs(3, () => 0)).toBe(8000);
    expect(retryDelayMs(30, () => 0)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(30, () => 0.999)).toBe(MAX_RETRY_DELAY_MS + 999);
  });
});
