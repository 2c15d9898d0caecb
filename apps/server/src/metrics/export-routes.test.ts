import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePromtool } from '@taurine/monitor/testing';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // Real traffic first, so every kind of series exists.
  for (let i = 0; i < 5; i += 1) {
    await app.graphql('query Listing { flavors(first: 3) { totalCount } }');
  }
  await app.graphql(
    'mutation { trackEvent(input: { type: CALCULATION, flavorId: "red-bull-original" }) { __typename } }',
  );
  await app.services.collector.tick();
});
afterAll(() => app.dispose());

describe('GET /metrics', () => {
  it('is valid Prometheus exposition according to promtool', async () => {
    const response = await app.yoga.fetch('http://localhost/metrics', {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('# TYPE taurine_api_response_time_seconds summary');
    expect(text).toMatch(/taurine_api_requests_total\{[^}]*operation="Listing"[^}]*\} 5/);
    // promtool exits non-zero and prints the problem when the exposition is invalid.
    execFileSync(requirePromtool(), ['check', 'metrics'], {
      input: text,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  });
});

describe('exports', () => {
  it('needs a viewer key', async () => {
    const anonymous = await app.yoga.fetch('http://localhost/export.csv');
    expect(anonymous.status).toBe(401);
    expect(
      ((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('UNAUTHENTICATED');
    // Prometheus sends its scrape credentials as a bearer token.
    const viewer = await app.yoga.fetch('http://localhost/metrics', {
      headers: { authorization: `Bearer ${await app.createKey('viewer')}` },
    });
    expect(viewer.status).toBe(200);
  });

  it("downloads CSV in the original application's shape with every field quoted", async () => {
    const response = await app.yoga.fetch('http://localhost/export.csv?metric=api.responseTime', {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="taurine-metrics-.*\.csv"/,
    );
    const [header, ...lines] = (await response.text()).trim().split('\n');
    expect(header).toBe('"timestamp","metric_name","value","tags"');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(
        /^"\d{4}-\d\d-\d\dT[^"]+Z","api\.responseTime\.[a-z0-9]+","[-0-9.e]+","[^"]*"$/,
      );
    }
    expect(lines.some((line) => line.includes('operation=Listing'))).toBe(true);
  });

  it('exports points over a range as JSON', async () => {
    const to = Date.now() + 60_000;
    const from = to - 3_600_000;
    const response = await app.yoga.fetch(
      `http://localhost/export.json?metric=business.*&from=${from}&to=${to}`,
      { headers: { 'x-api-key': app.adminKey } },
    );
    const body = (await response.json()) as {
      timestamp: string;
      version: string;
      metrics: { timestamp: string; name: string; value: number; tags: Record<string, string> }[];
    };
    expect(body.version).toBe('1.0');
    expect(body.metrics.some((m) => m.name === 'business.calculations.sum' && m.value === 1)).toBe(
      true,
    );
    for (const metric of body.metrics) expect(metric.tags['service']).toBe('taurine');
  });

  it('rejects a malformed query with 400 and a reason', async () => {
    const response = await app.yoga.fetch('http://localhost/export.csv?from=yesterday', {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'from must be an ISO 8601 time or epoch milliseconds',
    });
  });

  it('serves the same documents through GraphQL exportMetrics', async () => {
    const result = await app.graphql<{ exportMetrics: string }>(
      '{ exportMetrics(format: CSV, metric: "business.calculations") }',
    );
    expect(result.data!.exportMetrics.split('\n')[0]).toBe(
      '"timestamp","metric_name","value","tags"',
    );
    expect(result.data!.exportMetrics).toContain('"business.calculations.sum","1"');
  });
});
