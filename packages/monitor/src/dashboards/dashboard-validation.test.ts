import { describe, expect, it } from 'vitest';
import { validateDashboardDocument } from './dashboard-validation.ts';
import { resolveQueryTags } from './panel-query-tags.ts';

const panel = {
  id: 'p95',
  kind: 'timeseries',
  title: 'API p95',
  grid: { x: 0, y: 0, w: 12, h: 8 },
  queries: [
    {
      metric: 'api.responseTime',
      stat: 'p95',
      tags: [{ key: 'route', value: '$route' }],
      groupBy: 'operation',
    },
  ],
};
const document = {
  title: ' API ',
  timeRange: '1h',
  variables: [{ name: 'route', metric: 'api.responseTime', tag: 'route' }],
  panels: [panel],
};

describe('validateDashboardDocument', () => {
  it('normalises a valid document: trimmed title, defaults filled', () => {
    const result = validateDashboardDocument(document);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document).toMatchObject({
      title: 'API',
      description: '',
      refreshSeconds: 0,
      variables: [{ name: 'route', defaultValue: '*' }],
      panels: [{ options: { thresholds: [], stacked: false, markdown: '' } }],
    });
    expect(result.document.panels[0]?.queries[0]).toEqual({
      ...panel.queries[0],
      label: null,
    });
  });

  it('names every problem with its path', () => {
    const result = validateDashboardDocument({
      title: '',
      timeRange: '3y',
      panels: [
        {
          ...panel,
          grid: { x: 20, y: 0, w: 8, h: 8 },
          queries: [{ metric: 'bad name', stat: 'p42', tags: [{ key: 'route', value: '$nope' }] }],
        },
        { ...panel, kind: 'pie' },
        { ...panel, kind: 'stat', queries: [] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.field, problem.code])).toEqual(
      expect.arrayContaining([
        ['title', 'REQUIRED'],
        ['timeRange', 'UNKNOWN'],
        ['panels[0].grid.w', 'OUT_OF_RANGE'],
        ['panels[0].queries[0].metric', 'INVALID'],
        ['panels[0].queries[0].stat', 'UNKNOWN'],
        ['panels[0].queries[0].tags[0].value', 'UNKNOWN'],
        ['panels[1].kind', 'UNKNOWN'],
        ['panels[2].queries', 'REQUIRED'],
        ['panels[1]', 'DUPLICATE'],
      ]),
    );
  });

  it('refuses what is not an object without throwing', () => {
    for (const value of [null, 42, 'x', [], { panels: 'no' }]) {
      expect(validateDashboardDocument(value).ok).toBe(false);
    }
  });
});

describe('resolveQueryTags', () => {
  const query = {
    tags: [
      { key: 'route', value: '$route' },
      { key: 'method', value: 'POST' },
    ],
  };
  it('fills variables and leaves out those set to all', () => {
    expect({ ...resolveQueryTags(query, { route: '/api' }) }).toEqual({
      route: '/api',
      method: 'POST',
    });
    expect({ ...resolveQueryTags(query, { route: '*' }) }).toEqual({ method: 'POST' });
    expect({ ...resolveQueryTags(query, {}) }).toEqual({ method: 'POST' });
  });
});
