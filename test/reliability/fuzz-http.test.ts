/**
 * HTTP-level fuzzing: every method Node parses, `Host` headers and request targets of every
 * form, sent as raw bytes over `net` sockets (fetch and Node's client normalise all of these
 * before they leave), and random methods, paths and bodies on the REST routes through fetch.
 * The SPA fallback is on, as in production, so a target that escapes its route shows. The server
 * must answer every request with a status below 500, count none of them as a server fault, and
 * stay up. Seeded and bounded in time; `FUZZ_SEED=<n>` replays a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { METHODS } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorRate } from '../../apps/server/src/snapshot/snapshot.ts';
import { hostileJson, run, startFuzzTarget } from '../testing/fuzz.ts';
import type { FuzzTarget } from '../testing/fuzz.ts';
import { rawRequest } from '../testing/raw-http.ts';

const SPA_MARKER = '<title>fuzz-spa</title>';
const ROUTES = [
  '/health',
  '/livez',
  '/graphql',
  '/rum',
  '/analytics',
  '/metrics',
  '/export.csv',
  '/export.json',
  '/api/performance',
  '/assets/x.js',
  '/',
];

let target: FuzzTarget;
let webDistDir: string;
let rawProbes = 0;

beforeAll(async () => {
  webDistDir = mkdtempSync(join(tmpdir(), 'taurine-fuzz-spa-'));
  writeFileSync(join(webDistDir, 'index.html'), `<!doctype html>${SPA_MARKER}`);
  target = await startFuzzTarget({}, { webDistDir });
});
afterAll(async () => {
  await target.app.dispose();
  rmSync(webDistDir, { recursive: true, force: true });
});

interface RawProbe {
  method: string;
  /** The request target exactly as written on the request line. */
  path: string;
  /** `Host` header lines to send, in order (none, one, or several). */
  hosts: string[];
  body?: string;
}

/** Sends a raw request and checks the answer: a status, below 500. Returns the answer. */
async function rawProbe({ method, path, hosts, body }: RawProbe) {
  rawProbes++;
  const lines = [
    `${method} ${path} HTTP/1.1`,
    ...hosts.map((host) => `Host: ${host}`),
    'Connection: close',
    ...(body === undefined ? [] : [`Content-Length: ${Buffer.byteLength(body, 'latin1')}`]),
  ];
  const answer = await rawRequest(target.port, `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
  const context = `${JSON.stringify({ method, path, hosts })} -> ${answer.headers.slice(0, 200)}`;
  if (answer.status === null) throw new Error(`no answer: ${context}`);
  if (answer.status >= 500) throw new Error(`5xx: ${context} ${answer.body.slice(0, 200)}`);
  if (answer.status === 405 && !/^allow:/im.test(answer.headers)) {
    throw new Error(`405 without Allow: ${context}`);
  }
  return answer;
}

/** Methods Node's parser accepts (the others it refuses itself) and a few it does not know. */
const method = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...METHODS) },
  { weight: 1, arbitrary: fc.constantFrom('FUZZ', 'get', 'BREW', 'TRACK', 'G ET', '') },
);

const MALFORMED_HOSTS = ['a b', 'user@x', 'a:b:c', 'x:99999', '[::1', 'x/../y', '[zz]', 'x:-1'];
const hostChars = fc.constantFrom(
  ...'abcxyz019.-_:@/[]%\\?#~!$&()*+,;= '.split(''),
  '..',
  '\u00e9',
  '\u00ff',
);
const host = fc.oneof(
  fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'localhost:4000', 'example.com', ''),
  fc.constantFrom(...MALFORMED_HOSTS),
  fc.array(hostChars, { maxLength: 20 }).map((chars) => chars.join('').trim()),
);
const hosts = fc.oneof(
  { weight: 6, arbitrary: host.map((one) => [one]) },
  { weight: 1, arbitrary: fc.constant([] as string[]) },
  { weight: 1, arbitrary: fc.tuple(host, host).map(([a, b]) => [a, b]) },
);

const requestTarget = fc.oneof(
  fc.constantFrom(...ROUTES),
  fc.constantFrom(
    '*',
    'health',
    '//health',
    '/a/../health',
    '/%2e%2e/health',
    '/health/..',
    '/%',
    '/%00',
    'http://localhost/health',
    'https://evil.example/health',
    'http://a b/health',
    'http://[::1/health',
    'http://x:99999/health',
    'ftp://x/health',
    'localhost:4000',
  ),
  fc.webPath().map((path) => (path.startsWith('/') ? path : `/${path}`)),
);

describe('fuzzing HTTP over raw sockets (bounded, seeded)', () => {
  it('answers every method, Host header and request target with a status below 500', async () => {
    await run(
      fc.asyncProperty(
        method,
        requestTarget,
        hosts,
        fc.option(hostileJson.map((value) => JSON.stringify(value))),
        async (m, path, h, body) => {
          await rawProbe({ method: m, path, hosts: h, body: body ?? undefined });
        },
      ),
    );
  });

  it('answers every method Node parses on every route below 500, 405s naming what is allowed', async () => {
    for (const path of ROUTES) {
      await Promise.all(
        METHODS.map((m) =>
          rawProbe({
            method: m,
            path,
            hosts: ['localhost'],
            body: m === 'POST' ? '{}' : undefined,
          }),
        ),
      );
    }
  });

  it('refuses malformed Host headers with 400, and never reroutes /health to the SPA', async () => {
    for (const bad of MALFORMED_HOSTS) {
      const answer = await rawProbe({ method: 'GET', path: '/health', hosts: [bad] });
      expect(answer.status, bad).toBe(400);
      expect(answer.body, bad).not.toContain(SPA_MARKER);
    }
    const twice = await rawProbe({ method: 'GET', path: '/health', hosts: ['localhost', 'evil'] });
    expect(twice.status).toBe(400);
    // Well-formed forms still reach the health route, the absolute form included (RFC 9112).
    for (const [path, h] of [
      ['/health', ['localhost:4000']],
      ['/health', ['[::1]']],
      ['/health', ['']],
      ['http://example.com/health', ['ignored.example']],
    ] as const) {
      const answer = await rawProbe({ method: 'GET', path, hosts: [...h] });
      expect(answer.status, `${path} ${h.join()}`).toBe(200);
      expect(answer.body).toContain('"status"');
    }
  });

  it('answers TRACE and CONNECT with 405 and the methods the resource allows', async () => {
    const trace = await rawProbe({ method: 'TRACE', path: '/health', hosts: ['localhost'] });
    expect(trace.status).toBe(405);
    expect(trace.headers).toMatch(/^allow: GET, HEAD$/im);
    const graphql = await rawProbe({ method: 'TRACE', path: '/graphql', hosts: ['localhost'] });
    expect(graphql.headers).toMatch(/^allow: GET, POST$/im);
    const connect = await rawProbe({ method: 'CONNECT', path: 'localhost:4000', hosts: [] });
    expect(connect.status).toBe(405);
  });
});

describe('fuzzing the REST routes through fetch (bounded, seeded)', () => {
  it('survives random methods, paths and bodies on the REST routes', async () => {
    const path = fc.oneof(
      fc.constantFrom(...ROUTES),
      fc.webPath(),
      fc.constantFrom(
        '//',
        '/..',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/%00',
        '/%',
        '/\u00e9',
        '/health/',
      ),
    );
    const query = fc.option(fc.webQueryParameters(), { nil: undefined });
    // fetch itself refuses CONNECT, TRACE and TRACK: the raw-socket properties send those.
    const fetchable = fc.constantFrom(
      ...METHODS.filter((m) => !['CONNECT', 'TRACE', 'TRACK'].includes(m)),
      'FUZZ',
    );
    const body = fc.oneof(
      hostileJson.map((value) => JSON.stringify(value)),
      fc.uint8Array({ maxLength: 500 }),
      fc.constant(
        JSON.stringify({ route: '/', device: 'desktop', vitals: [{ name: 'LCP', value: 1 }] }),
      ),
      fc.constant(
        JSON.stringify({ sessionId: 'fuzz-tab-1', seq: 1, durationMs: 1, pageViews: { '/': 1 } }),
      ),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'text/plain',
      'application/octet-stream',
    );
    await run(
      fc.asyncProperty(path, query, fetchable, body, contentType, async (p, q, m, b, type) => {
        const target_ = `${p.startsWith('/') ? p : `/${p}`}${q === undefined ? '' : `?${q}`}`;
        await target.probe({
          method: m,
          path: target_,
          headers: { 'content-type': type },
          body: b,
        });
      }),
    );
  });

  it('counted nothing a client sent as a server fault, and is still up', async () => {
    expect(target.requests() + rawProbes).toBeGreaterThan(100);
    expect(target.serverErrors()).toBeNull();
    // What feeds api.errorRate, the snapshot and the critical error-rate rule: all that traffic,
    // refused methods and malformed Host headers included, is no server fault.
    const { registry } = target.app.services.metrics;
    expect(registry.stats('api.errors', { type: 'client' }).sum).toBeGreaterThan(0);
    expect(errorRate(registry)).toBe(0);
    const response = await fetch(`${target.url}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
  });
});
