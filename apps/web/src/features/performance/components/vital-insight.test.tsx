import { cleanup, render, screen } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureClient } from '../../../testing/fixture-client.ts';
import { VitalInsight } from './vital-insight.tsx';

const offender = (target: string, p75: number, count: number) => ({
  __typename: 'VitalOffender',
  target,
  p75,
  count,
});

const fixtures = {
  VitalInsight: {
    deploymentVitals: [
      {
        __typename: 'DeploymentVitals',
        deployment: {
          __typename: 'Deployment',
          id: '2',
          version: '1.4.0',
          at: '2026-12-02T10:00:00Z',
        },
        samples: 40,
        lcp: 2100,
        inp: null,
        cls: 0.05,
        fcp: 900,
        ttfb: 300,
      },
    ],
    lcp: [offender('img.hero', 3200, 12)],
    inp: [],
    cls: [offender('div.banner', 0.21, 3)],
  },
};

afterEach(cleanup);

describe('VitalInsight', () => {
  it('shows p75 per deployment and the elements behind the worst vitals', async () => {
    const fixture = createFixtureClient(fixtures);
    render(
      <Provider value={fixture.client}>
        <VitalInsight window="LAST_24H" />
      </Provider>,
    );
    const perDeployment = await screen.findByTestId('deployment-vitals');
    expect(perDeployment.textContent).toContain('1.4.0');
    expect(perDeployment.textContent).toContain('2,100 ms');
    expect(perDeployment.textContent).toContain('no data');
    expect(screen.getByTestId('offenders-LCP').textContent).toContain('img.hero3,200 ms12');
    expect(screen.getByTestId('offenders-CLS').textContent).toContain('div.banner0.210');
    expect(screen.getByText('No attribution yet.')).toBeTruthy();
  });
});
