import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LiveSubscriptions } from './live-subscriptions.ts';
import type { SubscriptionHolder, SubscriptionLease } from './live-subscriptions.ts';

const holder = (client: string, connection: object, keyId: number | null = null) =>
  ({ client, connection, keyId }) satisfies SubscriptionHolder;

const admitted = (result: SubscriptionLease | GraphQLError): SubscriptionLease => {
  if (result instanceof GraphQLError) throw result;
  return result;
};

describe('LiveSubscriptions', () => {
  it('refuses past the instance total with a SUBSCRIPTION_LIMIT error, and admits once freed', () => {
    const live = new LiveSubscriptions({ perConnection: 5, perClient: 5, total: 2 });
    const first = admitted(live.admit({}, holder('ip:a', {})));
    admitted(live.admit({}, holder('ip:b', {})));
    const refused = live.admit({}, holder('ip:c', {}));
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).extensions).toMatchObject({
      code: 'SUBSCRIPTION_LIMIT',
      scope: 'server',
      limit: 2,
    });
    live.release(first);
    live.release(first);
    expect(live.size).toBe(1);
    expect(live.admit({}, holder('ip:c', {}))).not.toBeInstanceOf(GraphQLError);
  });

  it('ends every subscription of a key and closes its sockets, leaving other keys alone', () => {
    const live = new LiveSubscriptions();
    const closed: [number, string][] = [];
    const socket = {};
    const revoked = {
      ...holder('key:1', socket, 1),
      close: (code: number, reason: string) => closed.push([code, reason]),
    };
    const leases = [admitted(live.admit({}, revoked)), admitted(live.admit({}, revoked))];
    const other = admitted(live.admit({}, holder('key:2', {}, 2)));
    expect(live.endForKey(1)).toBe(2);
    expect(leases.map((lease) => lease.signal.aborted)).toEqual([true, true]);
    expect(closed[0]).toEqual([4403, 'invalid or revoked key']);
    expect(other.signal.aborted).toBe(false);
    expect(live.size).toBe(1);
  });

  it('asks each key once and ends those that no longer authenticate', async () => {
    const live = new LiveSubscriptions();
    const asked: number[] = [];
    const checked = (keyId: number, valid: boolean | Error) => ({
      ...holder(`key:${keyId}`, {}, keyId),
      recheck: () => {
        asked.push(keyId);
        return valid instanceof Error ? Promise.reject(valid) : Promise.resolve(valid);
      },
    });
    const gone = admitted(live.admit({}, checked(1, false)));
    admitted(live.admit({}, checked(1, false)));
    const kept = admitted(live.admit({}, checked(2, true)));
    const unchecked = admitted(live.admit({}, checked(3, new Error('store down'))));
    await live.recheckKeys();
    expect(asked.sort()).toEqual([1, 2, 3]);
    expect(gone.signal.aborted).toBe(true);
    expect([kept.signal.aborted, unchecked.signal.aborted]).toEqual([false, false]);
  });

  it('counts messages per connection: the budget refills over a minute', () => {
    let now = 0;
    const live = new LiveSubscriptions({ messagesPerMinute: 2 }, () => now);
    const connection = {};
    expect([live.takeMessage(connection), live.takeMessage(connection)]).toEqual([true, true]);
    expect(live.takeMessage(connection)).toBe(false);
    expect(live.takeMessage({})).toBe(true);
    now = 30_000;
    expect(live.takeMessage(connection)).toBe(true);
  });

  it('rejects limits that are not positive integers', () => {
    expect(() => new LiveSubscriptions({ total: 0 })).toThrow(
      'Subscription limit total must be a positive integer',
    );
  });
});
