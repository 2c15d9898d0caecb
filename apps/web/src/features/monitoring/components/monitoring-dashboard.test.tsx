import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeTransport } from '../../../testing/fake-subscription-transport.ts';
import { FixtureErrors, createFixtureClient } from '../../../testing/fixture-client.ts';
import { MonitoringDashboard } from './monitoring-dashboard.tsx';

const AT = '2026-11-27T12:00:00.000Z';

const snapshot = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Snapshot',
  at: AT,
  uptimeSeconds: 3725,
  responseTime: { __typename: 'ResponseTimeSummary', avg: 41.2, p95: 120.5 },
  requestsPerSecond: 1.5,
  requests24h: 1200,
  errorRate: 0.01,
  activeUsers: 3,
  cacheHitRate: 0.8,
  memory: { __typename: 'MemorySummary', heapUsedMB: 30.2, rssMB: 120, heapUsedRatio: 0.01 },
  healthScore: 96,
  healthGrade: 'A',
  healthNoData: [],
  openRegressions: 0,
  healthPenalties: [],
  dependencies: [
    { __typename: 'DependencyStatus', name: 'database', status: 'up' },
    { __typename: 'DependencyStatus', name: 'redis', status: 'down' },
  ],
  activeAlerts: [],
  instances: [],
  ...overrides,
});

const instanceHealth = (id: string, leader: boolean, redis: string) => ({
  __typename: 'InstanceHealth',
  id,
  healthScore: redis === 'down' ? 86 : 100,
  leader,
  dependencies: [{ __typename: 'InstanceDependency', name: 'redis', status: redis }],
});

const points = (values: (number | null)[]) =>
  values.map((value, index) => ({
    __typename: 'SeriesPoint',
    t: new Date(Date.parse(AT) - (values.length - index) * 60_000).toISOString(),
    value,
  }));

const stats = (sum: number | null) => ({ __typename: 'MetricStats', sum });

const seriesFixtures = {
  DashboardInsight: { regressions: [], anomalies: [], budgets: [], deployments: [] },
  ResponseTimeSeries: { p50: points([10, 12]), p95: points([40, 44]), p99: points([90, 95]) },
  ThroughputSeries: { requests: points([1, 2]), serverErrors: points([0, 0]) },
  ErrorRateSeries: { errorRate: points([0, 0.01]) },
  MemorySeries: { heap: points([30, 31]), rss: points([120, 121]) },
  CacheLookupSeries: Object.fromEntries(
    ['memory', 'redis', 'serviceWorker', 'localStorage'].flatMap((tier) => [
      [`${tier}Hits`, points([3, 4])],
      [`${tier}Misses`, points([1, null])],
    ]),
  ),
  MonitoringInstances: {
    instances: ['web-1', 'web-2'].map((id, index) => ({
      __typename: 'Instance',
      id,
      status: 'LIVE',
      leader: index === 0,
    })),
  },
  CacheTierTotals: Object.fromEntries(
    ['memory', 'redis', 'serviceWorker', 'localStorage'].flatMap((tier) => [
      [`${tier}Hits`, stats(tier === 'redis' ? null : 9)],
      [`${tier}Misses`, stats(tier === 'redis' ? null : 1)],
    ]),
  ),
};

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

function renderDashboard(fixtures: Record<string, unknown> = seriesFixtures, url = '/monitoring') {
  const fake = createFakeTransport('connecting');
  const fixture = createFixtureClient(fixtures, { transport: fake.transport });
  render(
    <Provider value={fixture.client}>
      <MemoryRouter initialEntries={[url]}>
        <MonitoringDashboard />
        <LocationProbe />
      </MemoryRouter>
    </Provider>,
  );
  /** Waits until the dashboard has subscribed, then pushes a snapshot as the server would. */
  const push = async (data: unknown) => {
    await waitFor(() => {
      expect(fake.subscriberCount('DashboardSnapshot')).toBe(1);
    });
    act(() => {
      fake.setState('live');
      fake.push('DashboardSnapshot', { snapshot: data });
    });
  };
  return { ...fixture, fake, push };
}

const cardValue = (id: string) => screen.getByTestId(`card-${id}-value`).textContent;

afterEach(() => {
  cleanup();
});

describe('MonitoringDashboard', () => {
  it('shows the pushed snapshot and updates its numbers and trends when the next one arrives', async () => {
    const { push } = renderDashboard();
    expect(screen.getByTestId('live-status').textContent).toContain('Connecting');
    await push(snapshot());
    expect(screen.getByTestId('live-status').textContent).toContain('Live');
    expect(cardValue('requests-24h')).toBe('1,200');
    expect(cardValue('response-time')).toBe('120.5 ms');
    expect(cardValue('uptime')).toBe('1 h 2 min');

    await push(snapshot({ at: '2026-11-27T12:00:30.000Z', requests24h: 1500, errorRate: 0.002 }));
    expect(cardValue('requests-24h')).toBe('1,500');
    const requests = screen.getByTestId('card-requests-24h');
    expect(requests.textContent).toContain('up 25.0%');
    // Fewer errors is good news: the arrow points down in the "good" colour.
    expect(
      within(screen.getByTestId('card-error-rate')).getByTitle(/previous snapshot/).className,
    ).toContain('trend--good');
    await waitFor(() => {
      expect(screen.getByTestId('chart-response-time').getAttribute('data-point-count')).toBe('6');
    });
  });

  it('says "no data" for what the server has no data for, never 0', async () => {
    const { push } = renderDashboard();
    await push(
      snapshot({
        responseTime: { __typename: 'ResponseTimeSummary', avg: null, p95: null },
        requestsPerSecond: null,
        errorRate: null,
        cacheHitRate: null,
      }),
    );
    expect(cardValue('response-time')).toBe('no data');
    expect(cardValue('error-rate')).toBe('no data');
    expect(cardValue('cache-hit-rate')).toBe('no data');
    expect(screen.getByTestId('card-requests-24h').textContent).toContain('no data');
    // Tiers without lookups have no hit rate either.
    await waitFor(() => {
      expect(screen.getByTestId('cache-tier-redis-rate').textContent).toBe('no data');
      expect(screen.getByTestId('cache-tier-memory-rate').textContent).toBe('90%');
    });
  });

  it('shows "Reconnecting…" when the socket drops, keeping the last numbers on screen', async () => {
    const { push, fake } = renderDashboard();
    await push(snapshot());
    act(() => {
      fake.setState('reconnecting');
    });
    expect(screen.getByTestId('live-status').getAttribute('data-status')).toBe('reconnecting');
    expect(screen.getByTestId('live-status').textContent).toContain('Reconnecting');
    expect(cardValue('requests-24h')).toBe('1,200');
    expect(screen.getByTestId('dependency-api').textContent).toContain('Down');
    act(() => {
      fake.setState('live');
    });
    expect(screen.getByTestId('live-status').textContent).toContain('Live');
    expect(screen.getByTestId('dependency-redis').textContent).toContain('Down');
  });

  it('pauses: stops the subscription and says so', async () => {
    const { push, fake } = renderDashboard();
    await push(snapshot());
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByTestId('live-status').textContent).toContain('Paused');
    expect(fake.subscriberCount('DashboardSnapshot')).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => {
      expect(fake.subscriberCount('DashboardSnapshot')).toBe(1);
    });
  });

  it('asks for an API key when the server refuses the subscription and the charts', async () => {
    const refused = new FixtureErrors([
      { message: 'An API key is required', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const { fake } = renderDashboard(
      Object.fromEntries(Object.keys(seriesFixtures).map((name) => [name, () => refused])),
    );
    await waitFor(() => {
      expect(fake.subscriberCount('DashboardSnapshot')).toBe(1);
    });
    act(() => {
      fake.setState('live');
      fake.fail('DashboardSnapshot', 'An API key is required', 'UNAUTHENTICATED');
    });
    expect(screen.getByTestId('live-status').getAttribute('data-status')).toBe('error');
    await waitFor(() => {
      const problems = screen.getAllByRole('alert');
      expect(problems.length).toBeGreaterThan(1);
      expect(problems.every((p) => p.getAttribute('data-problem') === 'needs-key')).toBe(true);
    });
    expect(screen.getAllByRole('alert')[0]!.textContent).toContain('API key');
  });

  it('keeps the time range in the URL and queries the charts with a matching step', async () => {
    const { push, requestsFor } = renderDashboard();
    await push(snapshot());
    fireEvent.click(screen.getByRole('button', { name: '6h' }));
    expect(screen.getByTestId('location').textContent).toBe('?range=6h');
    await waitFor(() => {
      expect(requestsFor('ResponseTimeSeries').at(-1)?.variables).toMatchObject({ step: 300 });
    });
    const { range } = requestsFor('ResponseTimeSeries').at(-1)!.variables as {
      range: { from: string; to: string };
    };
    expect(Date.parse(range.to) - Date.parse(range.from)).toBe(6 * 3_600_000);

    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    const search = new URLSearchParams(screen.getByTestId('location').textContent);
    expect(Date.parse(search.get('to')!) - Date.parse(search.get('from')!)).toBe(12 * 3_600_000);
    expect(screen.getByTestId('range-description').textContent).toMatch(/–/);
  });

  it('opens a shared link with its range locked and without controls in kiosk mode', () => {
    renderDashboard(
      seriesFixtures,
      '/monitoring?from=2026-11-27T10:00:00.000Z&to=2026-11-27T11:00:00.000Z&kiosk',
    );
    const chart = screen.getByTestId('chart-response-time');
    expect(chart.getAttribute('data-range-from')).toBe('2026-11-27T10:00:00.000Z');
    expect(chart.getAttribute('data-range-to')).toBe('2026-11-27T11:00:00.000Z');
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Time range' })).toBeNull();
  });

  it("picks one instance of several, keeps it in the URL, and lists each instance's health", async () => {
    const { push, requestsFor } = renderDashboard();
    await push(
      snapshot({
        instances: [instanceHealth('web-1', true, 'up'), instanceHealth('web-2', false, 'down')],
      }),
    );
    expect(screen.getByTestId('instance-web-1').textContent).toContain('web-1 · leader');
    expect(screen.getByTestId('instance-web-2').textContent).toContain('Redis tier down');
    const picker = await screen.findByRole('combobox', { name: 'Instance' });
    expect(within(picker).getByRole('option', { name: 'All instances (2)' })).toBeTruthy();
    fireEvent.change(picker, { target: { value: 'web-2' } });
    expect(screen.getByTestId('location').textContent).toBe('?instance=web-2');
    await waitFor(() => {
      expect(requestsFor('ResponseTimeSeries').at(-1)?.variables).toMatchObject({
        instance: 'web-2',
      });
    });
  });
});
