import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardInsightQuery } from '../../../gql/graphql.ts';
import { InsightPanel } from './insight-panel.tsx';

const data: DashboardInsightQuery = {
  __typename: 'Query',
  regressions: [
    {
      __typename: 'Regression',
      id: 'r1',
      metric: 'api.responseTime',
      statistic: 'P95',
      tags: [{ __typename: 'Tag', key: 'operation', value: 'Flavors' }],
      baselineValue: 20,
      currentValue: 25.4,
      changePercent: 27,
      confidence: 0.8,
      severity: 'WARNING',
      firstSeen: '2026-12-02T10:00:00.000Z',
      open: true,
    },
  ],
  anomalies: [
    {
      __typename: 'Anomaly',
      id: 'a1',
      metric: 'cache.hitRate',
      statistic: 'MEAN',
      kind: 'LEVEL_SHIFT',
      reference: 'SEASONAL',
      value: 0.4,
      expected: 0.9,
      zScore: -7.5,
      firstSeen: '2026-12-02T10:00:00.000Z',
      endedAt: null,
    },
  ],
  budgets: [
    {
      __typename: 'Budget',
      id: 'b1',
      name: 'API p95',
      limit: 500,
      kind: 'MAX',
      value: 520,
      status: 'OVER',
    },
    {
      __typename: 'Budget',
      id: 'b2',
      name: 'Cache hit rate',
      limit: 0.8,
      kind: 'MIN',
      value: null,
      status: 'NO_DATA',
    },
  ],
  deployments: [],
};

afterEach(cleanup);

describe('InsightPanel', () => {
  it('names each regression with its series and change, the anomalies and every budget status', () => {
    render(<InsightPanel data={data} />);
    const list = screen.getByTestId('regressions');
    expect(within(list).getByText('p95 +27 %')).toBeTruthy();
    expect(list.textContent).toContain('api.responseTime {operation=Flavors}');
    expect(list.textContent).toContain('20 → 25.4');
    expect(list.textContent).toContain('level shift');
    const budgets = screen.getByTestId('budgets');
    expect(budgets.textContent).toContain('API p95520 ≤ 500over');
    expect(budgets.textContent).toContain('Cache hit rate— ≥ 0.8no data');
  });

  it('says when nothing changed', () => {
    render(<InsightPanel data={{ ...data, regressions: [], anomalies: [] }} />);
    expect(screen.getByTestId('no-regressions').textContent).toBe(
      'Nothing changed against the baselines.',
    );
  });
});
