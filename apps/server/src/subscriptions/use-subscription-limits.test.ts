import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LiveSubscriptions } from './live-subscriptions.ts';
import type { SubscriptionLease } from './live-subscriptions.ts';
import { guardStream } from './use-subscription-limits.ts';

setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;

const admit = (live: LiveSubscriptions): SubscriptionLease => {
  const lease = live.admit({}, { client: 'ip:a', connection: {}, keyId: null });
  if (lease instanceof GraphQLError) throw lease;
  return lease;
};

/** `count` snapshots of a few KB each, then silence: a subscription waiting for the next tick. */
async function* ticks(count: number): AsyncGenerator<ExecutionResult> {
  for (let i = 0; i < count; i += 1) {
    yield { data: { snapshot: { at: i, alerts: Array.from({ length: 200 }, (_, n) => n + i) } } };
  }
  await new Promise(() => undefined);
}

/** Reads `count` messages and returns weak references to them, keeping nothing else. */
async function receive(
  stream: AsyncIterator<ExecutionResult>,
  count: number,
): Promise<WeakRef<ExecutionResult>[]> {
  const received: WeakRef<ExecutionResult>[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await stream.next();
    received.push(new WeakRef(result.value as ExecutionResult));
  }
  return received;
}

describe('guardStream', () => {
  it('delivers every message in order', async () => {
    const live = new LiveSubscriptions();
    const stream = guardStream(ticks(3), admit(live), live);
    const first = await stream.next();
    const second = await stream.next();
    const atOf = (result: IteratorResult<ExecutionResult>) =>
      (result.value as ExecutionResult<{ snapshot: { at: number } }>).data?.snapshot.at;
    expect([atOf(first), atOf(second)]).toEqual([0, 1]);
    await stream.return();
    expect(live.size).toBe(0);
  });

  it('keeps none of the messages it delivered while the subscription stays open', async () => {
    const live = new LiveSubscriptions();
    const stream = guardStream(ticks(20), admit(live), live);
    const received = await receive(stream, 20);
    // The stream now waits for the next message, as an open dashboard does between ticks.
    const waiting = stream.next();
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(received.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    await stream.return();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
  });
});
