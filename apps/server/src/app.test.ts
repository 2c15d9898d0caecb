import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, REPOSITORY_ROOT, loadConfig } from './config.ts';
import { createTestApp } from './testing/test-app.ts';
import type { TestApp } from './testing/test-app.ts';

let app: TestApp;
let baseUrl: string;
beforeAll(async () => {
  app = await createTestApp({ MAX_BODY_BYTES: '4096' });
  baseUrl = (await app.start()).url;
});
afterAll(() => app.dispose());

describe('HTTP surface', () => {
  it('answers /health with the database status', async () => {
    const response = await app.yoga.fetch('http://localhost/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      checks: { database: { status: string } };
    };
    expect(body.status).toBe('ok');
    expect(body.checks.database.status).toBe('up');
  });

  it('answers 413 with a clear message when the declared body is too large', async () => {
    const body = JSON.stringify({ query: `{ flavors { totalCount } } #${'x'.repeat(5000)}` });
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    expect(response.status).toBe(413);
    const json = (await response.json()) as { errors: { message: string }[] };
    expect(json.errors[0]!.message).toBe('Request body is larger than the limit of 4096 bytes');
  });

  it('answers 413 to a chunked upload without content-length over the real socket', async () => {
    const { port } = new URL(baseUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 10; i += 1) req.write('x'.repeat(1000));
      req.end();
    });
    expect(status).toBe(413);
    // The server is still serving.
    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(200);
  });

  it('answers malformed JSON with a 400 and a GraphQL error, not a crash', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ flavors { totalCount } ',
    });
    expect(response.status).toBe(400);
    const json = (await response.json()) as { errors: { message: string }[] };
    expect(json.errors[0]!.message).toMatch(/JSON/i);
  });

  it('answers a syntax error in the document with a located message', async () => {
    const result = await app.graphql('{ flavors( { totalCount } }');
    expect(result.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it('answers an unknown REST path with 404 JSON', async () => {
    const response = await fetch(`${baseUrl}/nope.json`);
    expect(response.status).toBe(404);
  });

  it('serves GraphiQL to a browser asking for HTML', async () => {
    const response = await fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Taurine GraphiQL');
  });
});

describe('graphql-ws', () => {
  it('streams serverTime over a real WebSocket through the same schema', async () => {
    const client = createClient({
      url: `${baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
    });
    const times: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const unsubscribe = client.subscribe<{ serverTime: string }>(
        { query: 'subscription { serverTime(intervalMs: 100) }' },
        {
          next: ({ data }) => {
            times.push(data!.serverTime);
            if (times.length === 3) {
              unsubscribe();
              resolve();
            }
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await client.dispose();
    expect(times).toHaveLength(3);
    expect(Date.parse(times[2]!)).toBeGreaterThan(Date.parse(times[0]!));
  });

  it('reports validation errors for a bad subscription document', async () => {
    const client = createClient({
      url: `${baseUrl.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { noSuchField }' },
        {
          next: () => undefined,
          error: resolve,
          complete: () => {
            resolve(null);
          },
        },
      );
    });
    await client.dispose();
    expect(JSON.stringify(error)).toMatch(/noSuchField/);
  });
});

describe('configuration', () => {
  it('lists every invalid variable at once with what was expected', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', COLLECT_INTERVAL_MS: '5', DATABASE_URL: 'mysql://x' }),
    ).toThrow(
      new ConfigError([
        'PORT must be an integer from 0 to 65535 (got "eighty")',
        'DATABASE_URL must start with postgres:// or postgresql://',
        'COLLECT_INTERVAL_MS must be an integer from 100 to 3600000 (got "5")',
      ]),
    );
  });

  it('keeps each Redis timeout default unless REDIS_TIMEOUT_MS sets one for both', () => {
    expect(loadConfig({}).redisTimeoutMs).toBeUndefined();
    expect(loadConfig({ REDIS_TIMEOUT_MS: '250' }).redisTimeoutMs).toBe(250);
    expect(() => loadConfig({ REDIS_TIMEOUT_MS: '0' })).toThrow(
      new ConfigError(['REDIS_TIMEOUT_MS must be an integer from 1 to 60000 (got "0")']),
    );
  });

  it('validates the HTTP timeouts and connection limit', () => {
    expect(loadConfig({}).http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 10_000,
    });
    expect(() =>
      loadConfig({
        HTTP_HEADERS_TIMEOUT_MS: '20000',
        HTTP_REQUEST_TIMEOUT_MS: '5000',
        HTTP_MAX_CONNECTIONS: '0',
      }),
    ).toThrow(
      new ConfigError([
        'HTTP_MAX_CONNECTIONS must be an integer from 1 to 1000000 (got "0")',
        'HTTP_HEADERS_TIMEOUT_MS (20000) must not exceed HTTP_REQUEST_TIMEOUT_MS (5000): the headers are part of the request',
      ]),
    );
  });

  it('never echoes a URL that may hold a password', () => {
    expect(() => loadConfig({ REDIS_URL: 'not a url:secret' })).toThrow(
      /REDIS_URL is not a valid URL$/,
    );
  });

  it('takes a relative DATA_DIR from the repository root, whatever the working directory', () => {
    expect(REPOSITORY_ROOT).toBe(
      fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, ''),
    );
    expect(loadConfig({}).dataDir).toBe(join(REPOSITORY_ROOT, 'data'));
    expect(loadConfig({ DATA_DIR: './state/a' }).dataDir).toBe(join(REPOSITORY_ROOT, 'state/a'));
    expect(loadConfig({ DATA_DIR: '/var/lib/taurine' }).dataDir).toBe('/var/lib/taurine');
  });

  it('serves under any NODE_ENV, tagging metrics with it and behaving like production', async () => {
    expect(loadConfig({ NODE_ENV: 'staging' })).toMatchObject({
      environment: 'production',
      environmentName: 'staging',
    });
    const staging = await createTestApp({ NODE_ENV: 'staging', DEPLOYMENT: 'blue' });
    try {
      expect((await staging.yoga.fetch('http://localhost/health')).status).toBe(200);
      await staging.graphql('{ flavors(first: 1) { totalCount } }');
      const metrics = await staging.yoga.fetch('http://localhost/metrics', {
        headers: { 'x-api-key': staging.adminKey },
      });
      const text = await metrics.text();
      expect(text).toMatch(/taurine_api_requests_total\{[^}]*environment="staging"/);
      expect(text).toMatch(/taurine_api_requests_total\{[^}]*deployment="blue"/);
    } finally {
      await staging.dispose();
    }
  });
});
