import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureClient } from '../../../testing/fixture-client.ts';
import { AlertsPage } from './alerts-page.tsx';

const rule = {
  __typename: 'AlertRule',
  id: 'api-latency',
  name: 'API p95 above 2 s',
  description: null,
  metric: 'api.responseTime',
  stat: 'P95',
  window: 'LAST_5M',
  comparison: 'GT',
  threshold: 2000,
  severity: 'WARNING',
  enabled: true,
  builtIn: true,
  forMs: 300_000,
  noDataState: 'OK',
};

const alert = {
  __typename: 'Alert',
  id: 'fp1',
  name: 'API p95 above 2 s',
  metric: 'api.responseTime',
  severity: 'WARNING',
  priority: 'P2',
  status: 'ACKNOWLEDGED',
  value: 2310.4,
  threshold: 2000,
  stat: 'P95',
  startsAt: '2026-11-27T12:00:00.000Z',
  updatedAt: '2026-11-27T12:01:00.000Z',
  silencedBy: ['s1'],
};

const fixtures = (role: string | null, extra: Record<string, unknown> = {}) => ({
  Viewer: { viewer: role === null ? null : { __typename: 'Viewer', name: 'k', role } },
  AlertsList: {
    alerts: {
      __typename: 'AlertConnection',
      totalCount: 1,
      hasNextPage: false,
      endCursor: null,
      edges: [{ __typename: 'AlertEdge', node: alert }],
    },
  },
  AlertRules: { alertRules: [rule] },
  MetricNames: {
    metrics: [
      {
        __typename: 'MetricSeries',
        name: 'api.responseTime',
        unit: 'ms',
        kind: 'DISTRIBUTION',
        help: 'API latency',
      },
    ],
  },
  Silences: { silences: [] },
  NotificationChannels: { notificationChannels: [] },
  ...extra,
});

function renderPage(data: Record<string, unknown>) {
  const fixture = createFixtureClient(data);
  render(
    <Provider value={fixture.client}>
      <MemoryRouter initialEntries={['/alerts']}>
        <AlertsPage />
      </MemoryRouter>
    </Provider>,
  );
  return fixture;
}

afterEach(cleanup);

describe('AlertsPage', () => {
  it('disables what a viewer key may not do, with the reason, and asks no channel', async () => {
    const fixture = renderPage(fixtures('VIEWER'));
    await screen.findByText('Your key “k” is viewer.');
    const newRule = screen.getByRole('button', { name: 'New rule' });
    expect((newRule as HTMLButtonElement).disabled).toBe(true);
    expect(document.getElementById(newRule.getAttribute('aria-describedby')!)?.textContent).toBe(
      'needs admin',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'New silence' }).disabled).toBe(
      true,
    );
    const rules = screen.getByTestId('alert-rules');
    expect(within(rules).getByRole<HTMLButtonElement>('button', { name: 'Edit' }).disabled).toBe(
      true,
    );
    // An acknowledged alert offers Resolve only, and a viewer cannot use it.
    const row = await screen.findByTestId('alert-fp1');
    expect(within(row).queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    expect(within(row).getByRole<HTMLButtonElement>('button', { name: 'Resolve' }).disabled).toBe(
      true,
    );
    expect(within(row).getByText('needs operator')).toBeTruthy();
    expect(screen.getByText(/Channels are shown to operator and admin keys/)).toBeTruthy();
    expect(fixture.requestsFor('NotificationChannels')).toHaveLength(0);
  });

  it('shows values with units, the silenced marker and what the statuses mean', async () => {
    renderPage(fixtures('ADMIN'));
    await screen.findByText('Your key “k” is admin.');
    const row = await screen.findByTestId('alert-fp1');
    await waitFor(() => {
      expect(row.textContent).toContain('2.31 s / 2 s');
    });
    expect(within(row).getByText('silenced')).toBeTruthy();
    expect(within(screen.getByRole('group')).getByText('inactive')).toBeTruthy();
    expect(
      screen.getByText('the condition cleared before the alert fired: nobody was notified'),
    ).toBeTruthy();
    const rules = screen.getByTestId('alert-rules');
    expect(rules.textContent).toContain('p95 of api.responseTime over 5 min > 2 s for 5 min');
    expect(screen.getByRole('option', { name: 'Warning (P2)' })).toBeTruthy();
  });

  it('creates a rule with a live preview and shows the server’s field errors', async () => {
    const created: Record<string, unknown>[] = [];
    renderPage(
      fixtures('ADMIN', {
        RulePreview: {
          stats: {
            __typename: 'MetricStats',
            avg: 10,
            count: 4,
            last: 8,
            max: 30,
            min: 1,
            p50: 9,
            p75: 12,
            p90: 20,
            p95: 25.4,
            p99: 29,
            rate: 0.1,
            sum: 40,
          },
        },
        CreateAlertRule: (variables: Record<string, unknown>) => {
          created.push(variables);
          return {
            createAlertRule: {
              __typename: 'ValidationError',
              message: 'Invalid rule',
              errors: [{ __typename: 'FieldError', field: 'metric', message: 'unknown metric' }],
            },
          };
        },
      }),
    );
    await screen.findByText('Your key “k” is admin.');
    fireEvent.click(screen.getByRole('button', { name: 'New rule' }));
    const form = screen.getByRole('form', { name: 'New rule' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create rule' }));
    expect(within(form).getByText('A rule needs a name.')).toBeTruthy();
    expect(created).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Slow API' } });
    fireEvent.change(within(form).getByLabelText('Metric'), {
      target: { value: 'api.responseTime' },
    });
    fireEvent.change(within(form).getByLabelText('Threshold'), { target: { value: '20' } });
    const preview = await within(form).findByTestId('rule-preview', {}, { timeout: 3000 });
    await waitFor(() => {
      expect(preview.getAttribute('data-fires')).toBe('yes');
    });
    expect(preview.textContent).toContain('25.4 ms');

    fireEvent.click(within(form).getByRole('button', { name: 'Create rule' }));
    await within(form).findByText('unknown metric');
    expect(within(form).getByLabelText('Metric').getAttribute('aria-invalid')).toBe('true');
    expect(created[0]).toMatchObject({
      input: { name: 'Slow API', metric: 'api.responseTime', threshold: 20, stat: 'P95', forMs: 0 },
    });
  });
});
