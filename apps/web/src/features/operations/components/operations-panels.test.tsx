import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureClient } from '../../../testing/fixture-client.ts';
import { AutomaticResponsesPanel } from './automatic-responses-panel.tsx';
import { SuggestionsPanel } from './suggestions-panel.tsx';

const viewerAs = (role: string) => ({ viewer: { __typename: 'Viewer', name: 'ops', role } });

const suggestions = {
  suggestions: [
    {
      __typename: 'Suggestion',
      id: 'nPlusOne:Flavor.supplier',
      severity: 'WARNING',
      title: 'Flavor.supplier runs 25 times per operation (N+1?)',
      action: 'Batch the loads with a DataLoader or resolve the list in one query.',
      expectedGain: '24 fewer loads per operation',
      chartLink: '/monitoring?metric=graphql.fieldCalls&field=Flavor.supplier',
      evidence: [
        { __typename: 'SuggestionFigure', label: 'calls per operation (p95)', value: 25, unit: '' },
      ],
    },
  ],
};

const responses = (enabled: boolean) => ({
  automaticResponses: [
    {
      __typename: 'AutomaticResponse',
      name: 'REWARM_CACHE',
      description: 'Clear and re-warm the catalogue cache on a sustained low hit rate',
      enabled,
      dryRun: false,
      conditionHolds: true,
    },
  ],
  responseHistory: [
    {
      __typename: 'AutomaticResponseRun',
      id: '1',
      name: 'rewarmCache',
      mode: 'live',
      at: '2026-12-02T16:00:00.000Z',
      outcome: 'ok',
      figures: [{ __typename: 'SuggestionFigure', label: 'hitRate', value: 0.12, unit: 'ratio' }],
    },
  ],
});

function mount(fixtures: Record<string, unknown>, panel: ReactNode) {
  const fixture = createFixtureClient(fixtures);
  render(
    <MemoryRouter>
      <Provider value={fixture.client}>{panel}</Provider>
    </MemoryRouter>,
  );
  return fixture;
}

afterEach(() => {
  cleanup();
});

describe('SuggestionsPanel', () => {
  it('shows each suggestion with its figures, expected gain and chart link', async () => {
    mount({ Suggestions: suggestions }, <SuggestionsPanel />);
    expect(await screen.findByText(/runs 25 times per operation/)).toBeTruthy();
    expect(
      screen.getByText(/calls per operation \(p95\) 25 — expected: 24 fewer loads/),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'chart' }).getAttribute('href')).toBe(
      '/monitoring?metric=graphql.fieldCalls&field=Flavor.supplier',
    );
  });
});

describe('AutomaticResponsesPanel', () => {
  it('is not shown to a key below admin', async () => {
    const { requestsFor } = mount({ Viewer: viewerAs('OPERATOR') }, <AutomaticResponsesPanel />);
    await waitFor(() => {
      expect(requestsFor('Viewer')).toHaveLength(1);
    });
    expect(screen.queryByTestId('automatic-responses')).toBeNull();
    expect(requestsFor('AutomaticResponses')).toHaveLength(0);
  });

  it('switches a response on for an admin and lists the history', async () => {
    const { requestsFor } = mount(
      {
        Viewer: viewerAs('ADMIN'),
        AutomaticResponses: responses(false),
        EnableAutomaticResponse: {
          enableAutomaticResponse: {
            __typename: 'AutomaticResponse',
            name: 'REWARM_CACHE',
            enabled: true,
            dryRun: false,
          },
        },
      },
      <AutomaticResponsesPanel />,
    );
    const toggle = await screen.findByRole('checkbox', { name: 'REWARM_CACHE' });
    expect(screen.getByTestId('response-history').textContent).toMatch(
      /rewarmCache \(live\): ok — hitRate 12%$/,
    );
    fireEvent.click(toggle);
    await waitFor(() => {
      expect(requestsFor('EnableAutomaticResponse')[0]?.variables).toEqual({
        name: 'REWARM_CACHE',
      });
    });
  });
});
