import type { Tags } from '../metrics/tag-set.ts';
import { ALL_VALUES } from './dashboard-document.ts';
import type { PanelQuery } from './dashboard-document.ts';

/** The value of each variable by name, as the viewer picked them. */
export type VariableValues = Readonly<Record<string, string>>;

/**
 * The tag filter a query reads, with `$variable` values replaced by the picked values. A filter
 * whose variable is `*` (all), unset or unknown is left out, so it matches every value.
 */
export function resolveQueryTags(query: Pick<PanelQuery, 'tags'>, values: VariableValues): Tags {
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { key, value } of query.tags) {
    if (!value.startsWith('$')) {
      tags[key] = value;
      continue;
    }
    const picked = Object.hasOwn(values, value.slice(1)) ? values[value.slice(1)] : undefined;
    if (picked !== undefined && picked !== ALL_VALUES && picked !== '') tags[key] = picked;
  }
  return tags;
}
