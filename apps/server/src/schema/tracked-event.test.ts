import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flavors } from '@taurine/calculator';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const TRACK = /* GraphQL */ `
  mutation Track($input: TrackEventInput!) {
    trackEvent(input: $input) {
      __typename
      ... on TrackedEvent {
        id
        type
        flavorId
        at
      }
      ... on ValidationError {
        errors {
          field
          code
        }
      }
    }
  }
`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.dispose());

describe('Mutation.trackEvent', () => {
  it('stores an affiliate click with the visitor session', async () => {
    const flavorId = flavors[0]!.id;
    const result = await app.graphql<{ trackEvent: { __typename: string; type: string } }>(
      TRACK,
      { input: { type: 'AFFILIATE_CLICK', flavorId } },
      { 'x-session-id': 'visitor-12345678' },
    );
    expect(result.data!.trackEvent).toMatchObject({
      __typename: 'TrackedEvent',
      type: 'AFFILIATE_CLICK',
    });
    const stored = await app.services.store.events.recent(5);
    expect(stored[0]).toMatchObject({
      type: 'affiliate_click',
      flavorId,
      sessionId: 'visitor-12345678',
    });
  });

  it('stores nothing for an unknown flavor', async () => {
    const before = await app.services.store.events.recent(100);
    const result = await app.graphql<{ trackEvent: { __typename: string; errors: unknown[] } }>(
      TRACK,
      {
        input: { type: 'CALCULATION', flavorId: '__proto__' },
      },
    );
    expect(result.data!.trackEvent.__typename).toBe('ValidationError');
    expect(await app.services.store.events.recent(100)).toHaveLength(before.length);
  });
});
