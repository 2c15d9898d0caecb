/**
 * Lighthouse 12 (mobile, simulated throttling: the defaults) against the built SPA served by the
 * real server, in Debian's Chromium. Every page is scored `LIGHTHOUSE_RUNS` times (default 3) and
 * the median of each category score and lab metric (total blocking time first) is printed; scores
 * vary from run to run and machine to machine, so nothing is asserted.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  WEB_DIST_DIR,
  assertWebBuildExists,
  launchChromium,
} from '../testing/e2e-harness.ts';
import { printTable } from './table.ts';
import type { BenchRow } from './table.ts';

/** The pages the issue scores: the calculator and the three dashboards. */
const PAGES = ['/', '/monitoring', '/performance', '/alerts'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  ['total-blocking-time', 'TBT'],
  ['largest-contentful-paint', 'LCP'],
  ['first-contentful-paint', 'FCP'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'Speed Index'],
] as const;
/** Lighthouse runs per page (`LIGHTHOUSE_RUNS`); the tables show each page's median. */
const RUNS = Math.max(1, Number(process.env['LIGHTHOUSE_RUNS'] ?? 3) || 3);
/** `LIGHTHOUSE_REPORT_DIR`: also write every run's report (JSON) there, to read its long tasks. */
const REPORT_DIR = process.env['LIGHTHOUSE_REPORT_DIR'];

const median = (values: readonly number[]): number => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Clicks the dashboard's controls 30 times while snapshots arrive twice a second and returns the
 * worst interaction duration from the Event Timing API (what INP reports, up to one outlier).
 */
async function dashboardInteractionLatency(): Promise<BenchRow> {
  const dataDir = await mkdtemp(join(tmpdir(), 'taurine-inp-'));
  const app = await buildApp(
    loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        NODE_ENV: 'test',
        COLLECT_INTERVAL_MS: '500',
        PUBLIC_DASHBOARD: 'true',
      },
      { webDistDir: WEB_DIST_DIR },
    ),
  );
  const { url } = await app.start();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/monitoring?range=15m`);
    await page.waitForSelector('[data-status="live"]', { timeout: 15_000 });
    await page.evaluate(() => {
      const durations: number[] = [];
      (window as unknown as { __durations: number[] }).__durations = durations;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if ((entry as unknown as { interactionId?: number }).interactionId) {
            durations.push(entry.duration);
          }
        }
      }).observe({
        type: 'event',
        buffered: true,
        durationThreshold: 16,
      } as PerformanceObserverInit);
    });
    const presets = ['5m', '15m', '1h', '6h', '24h', '7d'];
    for (let index = 0; index < 30; index += 1) {
      await page
        .getByRole('button', { name: presets[index % presets.length], exact: true })
        .click();
      await page.waitForTimeout(150);
    }
    const durations = await page.evaluate(
      () => (window as unknown as { __durations: number[] }).__durations,
    );
    const sorted = [...durations].sort((a, b) => b - a);
    // INP ignores one outlier per 50 interactions.
    const inp = sorted[durations.length >= 50 ? 1 : 0] ?? 0;
    return {
      name: 'range clicks: worst interaction (INP-like)',
      value: inp,
      unit: 'ms',
      target: '< 200 ms',
      met: inp < 200,
    };
  } finally {
    await browser.close();
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  assertWebBuildExists();
  const dataDir = await mkdtemp(join(tmpdir(), 'taurine-lighthouse-'));
  const app = await buildApp(
    loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        NODE_ENV: 'production',
        GRAPHIQL: 'false',
        // Lighthouse cannot type an API key: the dashboards' read-only data is public here.
        PUBLIC_DASHBOARD: 'true',
      },
      { webDistDir: WEB_DIST_DIR },
    ),
  );
  const { url } = await app.start();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS],
  });
  try {
    const scores: BenchRow[] = [];
    const metrics: BenchRow[] = [];
    for (const path of PAGES) {
      const runs: Record<string, number[]> = {};
      const record = (key: string, value: number | null | undefined) => {
        (runs[key] ??= []).push(value ?? NaN);
      };
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(`${url}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (result === undefined) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { categories, audits } = result.lhr;
        for (const category of CATEGORIES) {
          const score = categories[category]?.score;
          record(category, score == null ? NaN : score * 100);
        }
        for (const [id] of METRICS) record(id, audits[id]?.numericValue);
        if (REPORT_DIR !== undefined) {
          await mkdir(REPORT_DIR, { recursive: true });
          const name = path === '/' ? 'calculator' : path.slice(1);
          await writeFile(join(REPORT_DIR, `${name}-${run + 1}.json`), result.report as string);
        }
      }
      for (const category of CATEGORIES) {
        const score = Math.round(median(runs[category]!));
        const performance = category === 'performance';
        scores.push({
          name: `${path} ${category}`,
          value: score,
          unit: '/100',
          ...(performance ? { target: '>= 95', met: score >= 95 } : {}),
        });
      }
      for (const [id, label] of METRICS) {
        metrics.push({
          name: `${path} ${label}`,
          value: median(runs[id]!),
          unit: id === 'cumulative-layout-shift' ? '' : 'ms',
        });
      }
    }
    printTable(`Lighthouse 12, mobile, simulated throttling: scores (median of ${RUNS})`, scores);
    printTable(
      `Lighthouse 12, mobile, simulated throttling: lab metrics (median of ${RUNS})`,
      metrics,
    );
    printTable('Live dashboard (5 charts, a snapshot every 500 ms): interaction latency', [
      await dashboardInteractionLatency(),
    ]);
  } finally {
    chrome.kill();
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
