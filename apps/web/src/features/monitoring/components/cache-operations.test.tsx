import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { FixtureErrors, createFixtureClient } from '../../../testing/fixture-client.ts';
import { CacheOperations } from './cache-operations.tsx';

const forbidden = (field: string) =>
  new FixtureErrors([
    {
      message: `Mutation.${field} needs an operator key (x-api-key); you are authenticated as viewer "wall"`,
      extensions: { code: 'FORBIDDEN', role: 'viewer', requiredRole: 'operator' },
    },
  ]);

const fixtures = {
  WarmCache: {
    warmCache: {
      __typename: 'CacheWarmReport',
      warmed: ['data:flavors:list'],
      skipped: ['nope'],
      failed: [{ __typename: 'CacheWarmFailure', key: 'data:flavor:x', message: 'no such flavor' }],
    },
  },
  ClearCache: (variables: Record<string, unknown>) => ({
    clearCache: {
      __typename: 'CacheClearReport',
      pattern: variables['pattern'],
      memory: 3,
      redis: null,
    },
  }),
  DeleteCacheKey: (variables: Record<string, unknown>) => ({
    deleteCacheKey: { __typename: 'CacheDeleteReport', key: variables['key'], deleted: false },
  }),
  OptimizeMemory: {
    optimizeMemory: {
      __typename: 'MemoryOptimizationReport',
      entriesRemoved: 2,
      expiredEntriesRemoved: 2,
      trimmedEntriesRemoved: 0,
      gcRan: true,
      heapBytesBefore: 50 * 1024 * 1024,
      heapBytesAfter: 40 * 1024 * 1024,
      tierBytesBefore: 2 * 1024 * 1024,
      tierBytesAfter: 1024 * 1024,
    },
  },
};

const viewerAs = (role: string) => ({ viewer: { __typename: 'Viewer', name: 'wall', role } });

/** Renders the panel for an operator key and waits until the key's role switched it on. */
async function renderPanel(overrides: Record<string, unknown> = {}) {
  const fixture = mountPanel({ Viewer: viewerAs('OPERATOR'), ...overrides });
  await screen.findByText('Needs an operator key. Clearing and deleting ask to confirm.');
  return fixture;
}

const report = () => screen.findByTestId('cache-report');

afterEach(() => {
  cleanup();
});

describe('CacheOperations', () => {
  it('clears by pattern only after confirming, then shows the report', async () => {
    const { requestsFor } = await renderPanel();
    fireEvent.change(screen.getByLabelText(/Clear by pattern/), {
      target: { value: 'data:flavors:*' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Clear…' }));
    expect(
      screen.getByText('Remove every key matching data:flavors:* from every tier?'),
    ).toBeTruthy();
    expect(requestsFor('ClearCache')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect((await report()).textContent).toBe(
      'Cleared data:flavors:*: 3 keys from memory, Redis not in use or down (replayed later).',
    );
    expect(requestsFor('ClearCache')[0]!.variables).toEqual({ pattern: 'data:flavors:*' });
  });

  it('cancelling a delete sends nothing', async () => {
    const { requestsFor } = await renderPanel();
    fireEvent.change(screen.getByLabelText('Delete one key'), { target: { value: 'k' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Yes, delete' })).toBeNull();
    expect(requestsFor('DeleteCacheKey')).toHaveLength(0);
  });

  it('reports a key that was not cached, warmed keys with failures, and freed memory', async () => {
    await renderPanel();
    fireEvent.change(screen.getByLabelText('Delete one key'), { target: { value: 'data:x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(async () => {
      expect((await report()).textContent).toBe('data:x was not in the cache.');
    });

    fireEvent.click(screen.getByRole('button', { name: 'Warm' }));
    await waitFor(async () => {
      expect((await report()).textContent).toContain('Warmed 1 key: data:flavors:list');
    });
    expect((await report()).textContent).toContain('data:flavor:x failed: no such flavor');

    fireEvent.click(screen.getByRole('button', { name: 'Optimise memory' }));
    await waitFor(async () => {
      expect((await report()).textContent).toContain('Heap 50.0 MB → 40.0 MB');
    });
  });

  it('after a FORBIDDEN answer says an operator key is needed and disables every control', async () => {
    const { requestsFor } = await renderPanel({ OptimizeMemory: forbidden('optimizeMemory') });
    fireEvent.click(screen.getByRole('button', { name: 'Optimise memory' }));
    const refused = await screen.findByTestId('cache-operations-refused');
    expect(refused.textContent).toContain('Needs an operator key');
    expect(refused.textContent).toContain('you are authenticated as viewer "wall"');
    for (const name of ['Warm', 'Optimise memory']) {
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled).toBe(true);
    }
    expect(screen.getByLabelText<HTMLInputElement>('Delete one key').disabled).toBe(true);
    expect(requestsFor('OptimizeMemory')).toHaveLength(1);
    expect(screen.queryByTestId('cache-report')).toBeNull();
  });

  it('a viewer key sees every control switched off with the reason, and nothing is sent', async () => {
    const { requestsFor } = mountPanel({ Viewer: viewerAs('VIEWER') });
    const gated = await screen.findByTestId('cache-operations-gated');
    expect(gated.textContent).toContain('needs operator');
    expect(gated.textContent).toContain('viewer “wall”');
    for (const name of ['Warm', 'Optimise memory']) {
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled).toBe(true);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Optimise memory' }));
    expect(requestsFor('OptimizeMemory')).toHaveLength(0);
  });
});

function mountPanel(overrides: Record<string, unknown>) {
  const fixture = createFixtureClient({ ...fixtures, ...overrides });
  render(
    <Provider value={fixture.client}>
      <CacheOperations />
    </Provider>,
  );
  return fixture;
}
