import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { setApiKey } from '../lib/api-key.ts';
import { FixtureErrors, createFixtureClient } from '../testing/fixture-client.ts';
import { AccessGate } from './access-gate.tsx';
import { AccessRequiredPanel } from './access-required-panel.tsx';

const refused = (reason: string) =>
  new FixtureErrors([
    {
      message: `Query.snapshot needs a viewer key (x-api-key); ${reason}`,
      extensions: { code: 'UNAUTHENTICATED', requiredRole: 'viewer' },
    },
  ]);

function renderGate(probe: unknown) {
  const fixture = createFixtureClient({ AccessProbe: probe });
  render(
    <Provider value={fixture.client}>
      <AccessGate what="The monitoring dashboard">
        <p data-testid="dashboard">dashboard</p>
      </AccessGate>
    </Provider>,
  );
  return fixture;
}

afterEach(() => {
  cleanup();
  setApiKey(null);
});

describe('AccessGate', () => {
  it('without a key shows one panel with the three ways to get access, not the dashboard', async () => {
    renderGate(refused('no key was sent'));
    const panel = await screen.findByTestId('access-panel');
    expect(panel.dataset['access']).toBe('needs-key');
    expect(panel.textContent).toContain('The monitoring dashboard needs an API key');
    expect(panel.textContent).toContain('npm run keys -- create --role viewer');
    expect(panel.textContent).toContain('PUBLIC_DASHBOARD=true');
    expect(screen.queryByTestId('dashboard')).toBeNull();
    expect(screen.getAllByTestId('access-panel')).toHaveLength(1);
  });

  it('with a refused key says so with the server’s reason', async () => {
    setApiKey(`tk_0a1b2c3d_${'r'.repeat(43)}`);
    renderGate(refused('invalid or revoked key'));
    const panel = await screen.findByTestId('access-panel');
    expect(panel.dataset['access']).toBe('key-refused');
    expect(screen.getByTestId('access-reason').textContent).toBe('invalid or revoked key');
    expect(panel.textContent).toContain('tk_0a1b2…rrrr');
  });

  it('stores a key pasted into the panel and reloads', () => {
    const fixture = createFixtureClient({ AccessProbe: refused('no key was sent') });
    let reloads = 0;
    render(
      <Provider value={fixture.client}>
        <AccessRequiredPanel
          what="The dashboard"
          refusedReason={null}
          onRetry={() => undefined}
          reload={() => {
            reloads += 1;
          }}
        />
      </Provider>,
    );
    fireEvent.change(screen.getByLabelText('Viewer key'), { target: { value: ' tk_new ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this key' }));
    expect(localStorage.getItem('taurine.apiKey')).toBe('tk_new');
    expect(reloads).toBe(1);
  });

  it('shows the dashboard once the server answers', async () => {
    renderGate({ snapshot: null });
    expect(await screen.findByTestId('dashboard')).toBeTruthy();
    expect(screen.queryByTestId('access-panel')).toBeNull();
  });
});
