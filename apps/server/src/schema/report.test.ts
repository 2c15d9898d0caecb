import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flavors } from '@taurine/calculator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const TRACK = /* GraphQL */ `
  mutation Track($input: TrackEventInput!) {
    trackEvent(input: $input) {
      __typename
    }
  }
`;

interface Figure {
  key: string;
  value: number | null;
}
interface ReportAndStats {
  report: { period: { from: string; to: string }; figures: Figure[] };
  requests: { sum: number | null };
  latency: { p50: number | null; p95: number | null; p99: number | null };
  calculations: { sum: number | null };
  clicks: { sum: number | null };
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.dispose());

const figure = (figures: Figure[], key: string) => figures.find((f) => f.key === key)?.value;

describe('Query.report', () => {
  it('has the same figures as `stats` over the same range, and counts the recorded markers', async () => {
    const flavorId = flavors[0]!.id;
    // Markers: 3 calculations and 1 affiliate click this instance records, nothing else does.
    for (const type of ['CALCULATION', 'CALCULATION', 'CALCULATION', 'AFFILIATE_CLICK']) {
      await app.graphql(TRACK, { input: { type, flavorId } });
    }
    const now = new Date();
    // The period first, then `stats` over exactly that range, in one request so no request lands
    // between them.
    const first = await app.graphql<{ report: { period: { from: string; to: string } } }>(
      `query($at: DateTime) { report(period: DAY, at: $at, scope: INSTANCE) { period { from to } } }`,
      { at: now.toISOString() },
    );
    const range = first.data!.report.period;
    const both = await app.graphql<ReportAndStats>(
      `query($at: DateTime, $range: TimeRangeInput!) {
        report(period: DAY, at: $at, scope: INSTANCE) { period { from to } figures { key value } }
        requests: stats(name: "api.requests", range: $range) { sum }
        latency: stats(name: "api.responseTime", range: $range) { p50 p95 p99 }
        calculations: stats(name: "business.calculations", range: $range) { sum }
        clicks: stats(name: "business.affiliateClicks", range: $range) { sum }
      }`,
      { at: now.toISOString(), range },
    );
    expect(both.errors).toBeUndefined();
    const data = both.data!;
    const figures = data.report.figures;
    expect(figure(figures, 'calculations')).toBe(3);
    expect(figure(figures, 'affiliateClicks')).toBe(1);
    expect(figure(figures, 'conversion')).toBeCloseTo(1 / 3, 10);
    expect(figure(figures, 'calculations')).toBe(data.calculations.sum);
    expect(figure(figures, 'affiliateClicks')).toBe(data.clicks.sum);
    // 4 markers + the first report query at least: requests were counted.
    expect(figure(figures, 'requests')).toBeGreaterThanOrEqual(5);
    expect(figure(figures, 'requests')).toBe(data.requests.sum);
    expect(figure(figures, 'responseTime.p50')).toBe(data.latency.p50);
    expect(figure(figures, 'responseTime.p95')).toBe(data.latency.p95);
    expect(figure(figures, 'responseTime.p99')).toBe(data.latency.p99);
  });

  it('refuses an unknown time zone with a client error, and the server keeps serving', async () => {
    const result = await app.graphql(
      `{ report(period: DAY, timeZone: "Mars/Olympus") { headline } }`,
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'unknown time zone "Mars/Olympus"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const ok = await app.graphql<{ report: { headline: string } }>(
      `{ report(period: WEEK) { headline } }`,
    );
    expect(ok.data!.report.headline).toMatch(/requests/);
  });
});

describe('Mutation.generateReport and downloads', () => {
  it('stores a report, lists it, and serves it as JSON, CSV and a PDF holding its figures', async () => {
    const generated = await app.graphql<{
      generateReport: {
        __typename: string;
        id: string;
        pdfUrl: string;
        headline: string;
        figures: Figure[];
      };
    }>(`mutation { generateReport(period: DAY, timeZone: "Europe/Paris") {
      __typename ... on Report { id pdfUrl headline figures { key value } }
    } }`);
    const report = generated.data!.generateReport;
    expect(report.__typename).toBe('Report');
    expect(report.pdfUrl).toBe(`/reports/${report.id}.pdf`);

    const listed = await app.graphql<{ reports: { edges: { node: { id: string } }[] } }>(
      `{ reports(first: 5) { edges { node { id } } hasNextPage endCursor } }`,
    );
    expect(listed.data!.reports.edges.map((edge) => edge.node.id)).toContain(report.id);

    const viewer = await app.createKey('viewer');
    const get = (path: string, key = viewer) =>
      app.yoga.fetch(`http://localhost${path}`, {
        headers: key === '' ? {} : { 'x-api-key': key },
      });
    expect((await get(`/reports/${report.id}.pdf`, '')).status).toBe(401);
    const json = (await (await get(`/reports/${report.id}.json`)).json()) as { headline: string };
    expect(json.headline).toBe(report.headline);
    const csv = await (await get(`/reports/${report.id}.csv`)).text();
    expect(csv.split('\r\n')[0]).toContain('figure,label,unit,value,previous,change_pct,verdict');
    const requests = figure(report.figures, 'requests');
    expect(csv).toContain(`,requests,Requests,,${requests},`);
    const pdf = await get(`/reports/${report.id}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'taurine-report-'));
    try {
      const file = join(dir, 'r.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Daily report');
      expect(text).toContain(report.headline.slice(0, 30));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await get('/reports/unknown-id.pdf')).status).toBe(404);
    expect((await get(`/reports/${report.id}.exe`)).status).toBe(404);
  });

  it("puts today's report in the REST facade /api/performance?report=full", async () => {
    const response = await app.yoga.fetch('http://localhost/api/performance?report=full', {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(response.headers.get('x-performance-report')).toBe('full');
    const body = (await response.json()) as {
      report: { period: { kind: string }; figures: Figure[]; regressions: unknown[] };
    };
    expect(body.report.period.kind).toBe('day');
    expect(body.report.figures.map((f) => f.key)).toContain('responseTime.p95');
    expect(body.report.regressions).toEqual([]);
  });

  it('answers a CUSTOM report without a range with a ValidationError', async () => {
    const result = await app.graphql<{ generateReport: { __typename: string; message: string } }>(
      `mutation { generateReport(period: CUSTOM) { __typename ... on ValidationError { message } } }`,
    );
    expect(result.data!.generateReport).toEqual({
      __typename: 'ValidationError',
      message: '1 invalid field: range',
    });
  });
});
