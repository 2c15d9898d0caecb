import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_SESSIONS_DEFAULTS } from '@taurine/monitor';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
let baseUrl: string;

beforeAll(async () => {
  app = await createTestApp({ PUBLIC_DASHBOARD: 'true', RATE_LIMIT_ANONYMOUS: '100000' });
  baseUrl = (await app.start()).url;
});

afterAll(async () => {
  await app.dispose();
});

const activeUsers = async () => {
  await app.services.collector.tick();
  const { data } = await app.graphql<{ snapshot: { activeUsers: number } }>(
    '{ snapshot { activeUsers } }',
  );
  return data!.snapshot.activeUsers;
};

describe('active users under forged session ids (real HTTP)', () => {
  it('counts at most the per-address quota of session ids from one address', async () => {
    const before = await activeUsers();
    const forged = 60;
    for (let i = 0; i < forged; i += 1) {
      const session = `forged-session-${i}`;
      // Half through GraphQL's x-session-id header, half through /rum batches.
      const response =
        i % 2 === 0
          ? await fetch(`${baseUrl}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-session-id': session },
              body: JSON.stringify({ query: '{ __typename }' }),
            })
          : await fetch(`${baseUrl}/rum`, {
              method: 'POST',
              headers: { 'content-type': 'text/plain' },
              body: JSON.stringify({ route: '/', sessionId: session }),
            });
      expect(response.ok).toBe(true);
    }
    const after = await activeUsers();
    expect(after - before).toBe(ACTIVE_SESSIONS_DEFAULTS.maxSessionsPerClient);
    const usage = app.services.metrics.sessions.usage(Date.now());
    expect(usage.refused).toBe(forged - ACTIVE_SESSIONS_DEFAULTS.maxSessionsPerClient);
  });
});
