import { STAT_NAMES } from '@taurine/monitor/metric-stats';
import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { MetricSeriesQuery } from '../api/dashboards.ts';
import type { PanelQuery } from '../utils/dashboard-document.ts';

/** Metric names, and the tag keys and values seen on each, from the `metrics` query. */
function useMetricCatalog() {
  const [{ data }] = useQuery({ query: MetricSeriesQuery });
  return useMemo(() => {
    const catalog = new Map<string, Map<string, Set<string>>>();
    for (const series of data?.metrics ?? []) {
      const tags = catalog.get(series.name) ?? new Map<string, Set<string>>();
      for (const tag of series.tags)
        tags.set(tag.key, (tags.get(tag.key) ?? new Set()).add(tag.value));
      catalog.set(series.name, tags);
    }
    return catalog;
  }, [data]);
}

interface QueryEditorProps {
  query: PanelQuery;
  index: number;
  variables: readonly string[];
  onChange: (query: PanelQuery) => void;
  onRemove: () => void;
}

/** One query: metric (searched as you type), statistic, tag filters and a group-by tag. */
export function QueryEditor({ query, index, variables, onChange, onRemove }: QueryEditorProps) {
  const id = useId();
  const catalog = useMetricCatalog();
  const tags = catalog.get(query.metric) ?? new Map<string, Set<string>>();
  const tagKeys = [...tags.keys()].sort();
  return (
    <fieldset className="query-editor">
      <legend>Query {index + 1}</legend>
      <datalist id={`${id}-metrics`}>
        {[...catalog.keys()].sort().map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id={`${id}-keys`}>
        {tagKeys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      <div className="field">
        <label htmlFor={`${id}-metric`}>Metric</label>
        <input
          id={`${id}-metric`}
          list={`${id}-metrics`}
          value={query.metric}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            onChange({ ...query, metric: event.target.value.trim() });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-stat`}>Statistic</label>
        <select
          id={`${id}-stat`}
          value={query.stat}
          onChange={(event) => {
            onChange({ ...query, stat: event.target.value as PanelQuery['stat'] });
          }}
        >
          {STAT_NAMES.map((stat) => (
            <option key={stat} value={stat}>
              {stat}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-group`}>Group by tag</label>
        <input
          id={`${id}-group`}
          list={`${id}-keys`}
          value={query.groupBy ?? ''}
          autoComplete="off"
          onChange={(event) => {
            onChange({ ...query, groupBy: event.target.value === '' ? null : event.target.value });
          }}
        />
      </div>
      <TagFilters
        listId={id}
        query={query}
        values={(key) => [
          ...variables.map((name) => `$${name}`),
          ...[...(tags.get(key) ?? [])].sort(),
        ]}
        onChange={onChange}
      />
      <div className="query-editor__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            onChange({
              ...query,
              tags: [...query.tags, { key: tagKeys[0] ?? 'route', value: '' }],
            });
          }}
        >
          Add filter
        </button>
        <button type="button" className="button button--small" onClick={onRemove}>
          Remove query
        </button>
      </div>
    </fieldset>
  );
}

/** A query's tag filters: key = value, values offered from the series seen and the variables. */
function TagFilters({
  listId,
  query,
  values,
  onChange,
}: {
  listId: string;
  query: PanelQuery;
  values: (key: string) => string[];
  onChange: (query: PanelQuery) => void;
}) {
  const setTag = (index: number, changes: Partial<PanelQuery['tags'][number]>) => {
    onChange({
      ...query,
      tags: query.tags.map((entry, i) => (i === index ? { ...entry, ...changes } : entry)),
    });
  };
  return query.tags.map((tag, tagIndex) => (
    <div className="query-editor__tag" key={tagIndex}>
      <input
        aria-label={`Filter ${tagIndex + 1} tag`}
        list={`${listId}-keys`}
        value={tag.key}
        onChange={(event) => {
          setTag(tagIndex, { key: event.target.value });
        }}
      />
      =
      <input
        aria-label={`Filter ${tagIndex + 1} value`}
        list={`${listId}-values-${tagIndex}`}
        value={tag.value}
        onChange={(event) => {
          setTag(tagIndex, { value: event.target.value });
        }}
      />
      <datalist id={`${listId}-values-${tagIndex}`}>
        {values(tag.key).map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          onChange({ ...query, tags: query.tags.filter((_, i) => i !== tagIndex) });
        }}
      >
        Remove filter
      </button>
    </div>
  ));
}
