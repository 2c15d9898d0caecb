import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.ts';
import { createMetricsRegistry } from '../metrics/metrics-registry.ts';
import { requirePromtool } from '../testing/promtool.ts';
import { MINUTE_MS } from '../metrics/windows.ts';
import { escapeLabelValue, prometheusName, toPrometheusText } from './prometheus-text.ts';

const T0 = Date.UTC(2026, 0, 1);
const STANDARD = {
  environment: 'prod',
  region: 'eu-west-1',
  service: 'api',
  version: '1.2.3',
  deployment: 'blue',
};

function populatedRegistry() {
  const clock = createManualClock(T0);
  const registry = createMetricsRegistry({ clock, standardTags: STANDARD, maxSeriesPerMetric: 2 });
  registry.define('api.responseTime', 'distribution', {
    help: 'GraphQL and REST latency.',
    unit: 'ms',
  });
  registry.define('process.heapUsed', 'gauge', { help: 'V8 heap in use.', unit: 'bytes' });
  registry.define('calc.done', 'counter', { help: 'Calculations.\nOne per submit \\ click.' });
  for (let i = 1; i <= 1000; i++) {
    registry.distribution('api.responseTime', i, { endpoint: '/graphql', operation: 'Flavors' });
  }
  registry.distribution('api.responseTime', 5, { endpoint: 'a\\b"c\nd' });
  registry.distribution('api.responseTime', 7, { endpoint: '/third' }); // folded: limit is 2
  registry.counter('calc.done', 3, { feature: 'mix' });
  registry.gauge('cache.hitRate', 0.93, { tier: 'memory' }); // stale by the time of the scrape
  registry.distribution('api.responseTime', -1); // rejected: negative duration
  registry.record('unknown.metric', 1);
  clock.set(T0 + 10 * MINUTE_MS);
  registry.counter('calc.done', 2, { feature: 'mix' });
  registry.gauge('process.heapUsed', 41_000_000);
  registry.gauge('webvitals.CLS', 0.05, { route: '/', device: 'mobile' });
  registry.gauge('queue.count', 4);
  return { clock, registry };
}

describe('toPrometheusText', () => {
  it('passes promtool check metrics', () => {
    const promtool = requirePromtool();
    const { clock, registry } = populatedRegistry();
    const text = toPrometheusText(registry, clock.now());
    const result = spawnSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });

  it('exposes counters cumulatively, gauges by last value, distributions as summaries', () => {
    const { clock, registry } = populatedRegistry();
    const lines = toPrometheusText(registry, clock.now()).split('\n');
    const labels =
      'deployment="blue",environment="prod",region="eu-west-1",service="api",version="1.2.3"';
    expect(lines).toContain('# TYPE taurine_calc_done_total counter');
    expect(lines).toContain(
      'taurine_calc_done_total{deployment="blue",environment="prod",feature="mix",region="eu-west-1",service="api",version="1.2.3"} 5',
    );
    expect(lines).toContain(`taurine_process_heap_used_bytes{${labels}} 41000000`);
    expect(lines).toContain('# TYPE taurine_api_response_time_seconds summary');
    expect(lines).toContain(
      '# HELP taurine_calc_done_total Calculations.\\nOne per submit \\\\ click.',
    );
    // Quantiles cover the last 5 minutes: the samples were recorded 10 minutes ago.
    const p99 = lines.find(
      (line) =>
        line.startsWith('taurine_api_response_time_seconds{') &&
        line.includes('operation="Flavors"') &&
        line.includes('quantile="0.99"'),
    );
    expect(p99?.endsWith(' NaN')).toBe(true);
    const count = lines.find(
      (line) =>
        line.startsWith('taurine_api_response_time_seconds_count{') && line.includes('Flavors'),
    );
    expect(count?.endsWith(' 1000')).toBe(true);
    const sum = lines.find(
      (line) =>
        line.startsWith('taurine_api_response_time_seconds_sum{') && line.includes('Flavors'),
    );
    expect(sum?.endsWith(' 500.5')).toBe(true);
    expect(lines).toContain(`taurine_queue_count_value{${labels}} 4`);
    // A gauge without a sample for longer than the window is stale: it leaves the exposition.
    expect(lines.some((line) => line.startsWith('taurine_cache_hit_rate'))).toBe(false);
    expect(lines.some((line) => line.startsWith('taurine_webvitals_cls{'))).toBe(true);
    expect(lines.some((line) => line.includes('overflow="true"'))).toBe(true);
    expect(lines).toContain(
      'taurine_monitor_rejected_samples_total{metric="api.responseTime",reason="negative"} 1',
    );
    expect(lines).toContain(
      'taurine_monitor_rejected_samples_total{metric="",reason="unknown_metric"} 1',
    );
  });

  it('reports summary quantiles in seconds over the last 5 minutes', () => {
    const clock = createManualClock(T0);
    const registry = createMetricsRegistry({ clock, standardTags: STANDARD });
    registry.define('api.responseTime', 'distribution', { help: 'Latency.', unit: 'ms' });
    for (let i = 1; i <= 100; i++) registry.distribution('api.responseTime', i * 10);
    const line = toPrometheusText(registry, clock.now())
      .split('\n')
      .find((candidate) => candidate.includes('quantile="0.5"'))!;
    const seconds = Number(line.split(' ').at(-1));
    expect(Math.abs(seconds - 0.5) / 0.5).toBeLessThanOrEqual(0.01);
  });

  it('escapes backslashes, double quotes and line feeds in label values', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    const { clock, registry } = populatedRegistry();
    expect(toPrometheusText(registry, clock.now())).toContain('endpoint="a\\\\b\\"c\\nd"');
  });

  it('converts dotted camelCase names to valid snake_case exposition names', () => {
    const valid = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
    const cases: [string, Parameters<typeof prometheusName>[1], string, string][] = [
      ['api.responseTime', 'distribution', 'ms', 'taurine_api_response_time_seconds'],
      ['webvitals.LCP', 'distribution', 'ms', 'taurine_webvitals_lcp_seconds'],
      ['cache.hitRate', 'gauge', '', 'taurine_cache_hit_rate'],
      ['cache.hitRate', 'gauge', 'ratio', 'taurine_cache_hit_ratio'],
      ['process.heapUsedRatio', 'gauge', 'ratio', 'taurine_process_heap_used_ratio'],
      ['process.uptimeSeconds', 'gauge', 's', 'taurine_process_uptime_seconds'],
      ['process.heapUsedMB', 'gauge', 'MB', 'taurine_process_heap_used_bytes'],
      ['job.durationMs', 'counter', 'ms', 'taurine_job_duration_seconds_total'],
      ['business.affiliateClicks', 'counter', '', 'taurine_business_affiliate_clicks_total'],
      ['api.requests.total', 'counter', '', 'taurine_api_requests_total'],
      ['jobs.count', 'gauge', '', 'taurine_jobs_count_value'],
      ['process.heapUsed', 'gauge', 'bytes', 'taurine_process_heap_used_bytes'],
      ['http.HTTPErrors', 'counter', '', 'taurine_http_http_errors_total'],
    ];
    for (const [name, kind, unit, expected] of cases) {
      const converted = prometheusName(name, kind, unit).name;
      expect(converted).toBe(expected);
      expect(converted).toMatch(valid);
    }
    expect(prometheusName('api.responseTime', 'distribution', 'ms').divisor).toBe(1000);
  });
});
