/**
 * Subscription flood (issue 11): one anonymous client tries to open 3,000 `serverTime`
 * subscriptions on two sockets while another client queries; the table shows what the flooder
 * got and the other client's latency with and without the flood. Default limits.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import { percentile, printTable } from './table.ts';
import type { BenchRow } from './table.ts';

const QUERY = JSON.stringify({ query: '{ flavors(first: 5) { totalCount } }' });

/** Latencies of `count` sequential queries by another client (its own key), in ms. */
async function victimLatencies(url: string, key: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: QUERY,
    });
    await response.text();
    times.push(performance.now() - started);
  }
  return times;
}

export async function run(): Promise<void> {
  const app = await createTestApp({ CACHE_WARM_ON_START: 'true' });
  const { url } = await app.start();
  const key = await app.createKey('viewer', 'victim');
  try {
    await victimLatencies(url, key, 50);
    const quiet = await victimLatencies(url, key, 300);

    const sockets = [0, 1].map(() =>
      createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
      }),
    );
    let accepted = 0;
    let refused = 0;
    let messages = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 3000; i += 1) {
      sockets[i % 2]!.subscribe(
        { query: 'subscription { serverTime(intervalMs: 100) }' },
        {
          next: () => {
            messages += 1;
            if (!seen.has(i)) {
              seen.add(i);
              accepted += 1;
            }
          },
          error: () => {
            refused += 1;
          },
          complete: () => undefined,
        },
      );
    }
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const flooded = await victimLatencies(url, key, 300);
    const seconds = (performance.now() - started) / 1000;
    const rssAfter = process.memoryUsage().rss;
    await Promise.all(sockets.map((socket) => Promise.resolve(socket.dispose())));

    const rows: BenchRow[] = [
      { name: 'flooder: subscriptions accepted of 3000', value: accepted, unit: 'subs' },
      { name: 'flooder: subscriptions refused', value: refused, unit: 'subs' },
      { name: 'flooder: messages per second', value: messages / seconds, unit: 'msg/s' },
      { name: 'other client p50, quiet', value: percentile(quiet, 0.5), unit: 'ms' },
      { name: 'other client p95, quiet', value: percentile(quiet, 0.95), unit: 'ms' },
      {
        name: 'other client p50, during flood',
        value: percentile(flooded, 0.5),
        unit: 'ms',
        baseline: 'other client p50, quiet',
      },
      {
        name: 'other client p95, during flood',
        value: percentile(flooded, 0.95),
        unit: 'ms',
        baseline: 'other client p95, quiet',
      },
      { name: 'RSS change during flood', value: (rssAfter - rssBefore) / 2 ** 20, unit: 'MiB' },
    ];
    printTable('Subscription flood: one client, 3000 serverTime subscriptions', rows);
  } finally {
    await app.dispose();
  }
}
