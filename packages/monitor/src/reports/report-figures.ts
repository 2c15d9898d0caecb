import type { MetricStats } from '../metrics/metric-stats.ts';
import type { SeriesPoint, SeriesStats } from '../metrics/series-queries.ts';
import type { Tags } from '../metrics/tag-set.ts';
import type { TimeRange } from '../metrics/windows.ts';
import type { FigureDirection, FigureGroup, FigureVerdict, ReportFigure } from './report-model.ts';

/** What a report reads: the registry's queries (`MetricsRegistry` satisfies it). */
export interface ReportStatsSource {
  stats(name: string, tags: Tags | undefined, window: TimeRange): MetricStats;
  seriesStats(name: string, tags: Tags | undefined, window: TimeRange): SeriesStats[];
  series(
    name: string,
    tags: Tags | undefined,
    range: TimeRange,
    stepMs: number,
    stat: 'sum' | 'p95' | 'rate',
  ): SeriesPoint[];
}

/** The Web Vitals a report summarises (p75 and good/poor shares of each). */
export const REPORT_VITALS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;

/** The cache tiers whose hit rate a report shows. */
export const REPORT_CACHE_TIERS = ['memory', 'redis'] as const;

/** A change smaller than this (in %) reads as unchanged. */
export const UNCHANGED_BELOW_PCT = 0.5;

/** How one figure is defined: its label, unit, direction, and how it is read over a range. */
interface FigureDefinition {
  key: string;
  label: string;
  group: FigureGroup;
  unit: string;
  direction: FigureDirection;
  read: (source: ReportStatsSource, range: TimeRange) => number | null;
}

const sumOf = (source: ReportStatsSource, name: string, range: TimeRange, tags?: Tags) =>
  source.stats(name, tags, range).sum;

const ratio = (part: number | null, whole: number | null): number | null =>
  whole === null || whole === 0 ? null : (part ?? 0) / whole;

/** Peak requests per second over one-minute (or wider) steps of the range. */
export function throughputStepMs(range: TimeRange): number {
  const length = range.to - range.from;
  if (length <= 36 * 3_600_000) return 60_000;
  if (length <= 8 * 86_400_000) return 300_000;
  return 3_600_000;
}

function throughputPeak(source: ReportStatsSource, range: TimeRange): number | null {
  const points = source.series('api.requests', undefined, range, throughputStepMs(range), 'rate');
  let peak: number | null = null;
  for (const point of points) {
    if (point.value !== null && (peak === null || point.value > peak)) peak = point.value;
  }
  return peak;
}

const serviceFigures: FigureDefinition[] = [
  {
    key: 'availability',
    label: 'Availability',
    group: 'service',
    unit: 'ratio',
    direction: 'higher',
    read: (source, range) => source.stats('health.uptimeRatio', undefined, range).avg,
  },
  {
    key: 'requests',
    label: 'Requests',
    group: 'service',
    unit: '',
    direction: 'neutral',
    read: (source, range) => sumOf(source, 'api.requests', range),
  },
  {
    key: 'errorRate',
    label: 'Error rate (server)',
    group: 'service',
    unit: 'ratio',
    direction: 'lower',
    read: (source, range) =>
      ratio(
        sumOf(source, 'api.errors', range, { type: 'server' }),
        sumOf(source, 'api.requests', range),
      ),
  },
  ...(['p50', 'p95', 'p99'] as const).map((stat): FigureDefinition => ({
    key: `responseTime.${stat}`,
    label: `Response time ${stat}`,
    group: 'service',
    unit: 'ms',
    direction: 'lower',
    read: (source, range) => source.stats('api.responseTime', undefined, range)[stat],
  })),
  {
    key: 'throughputPeak',
    label: 'Throughput peak',
    group: 'service',
    unit: 'req/s',
    direction: 'neutral',
    read: throughputPeak,
  },
];

const cacheFigures: FigureDefinition[] = REPORT_CACHE_TIERS.map((tier) => ({
  key: `cacheHitRate.${tier}`,
  label: `Cache hit rate (${tier})`,
  group: 'cache',
  unit: 'ratio',
  direction: 'higher',
  read: (source, range) =>
    ratio(
      sumOf(source, 'cache.lookups', range, { tier, outcome: 'hit' }),
      sumOf(source, 'cache.lookups', range, { tier }),
    ),
}));

const vitalFigures: FigureDefinition[] = REPORT_VITALS.flatMap((vital): FigureDefinition[] => {
  const share = (rating: string) => (source: ReportStatsSource, range: TimeRange) =>
    ratio(
      sumOf(source, 'webvitals.ratings', range, { metric: vital, rating }),
      sumOf(source, 'webvitals.ratings', range, { metric: vital }),
    );
  return [
    {
      key: `webVitals.${vital}.p75`,
      label: `${vital} p75`,
      group: 'webVitals',
      unit: vital === 'CLS' ? '' : 'ms',
      direction: 'lower',
      read: (source, range) => source.stats(`webvitals.${vital}`, undefined, range).p75,
    },
    {
      key: `webVitals.${vital}.good`,
      label: `${vital} good`,
      group: 'webVitals',
      unit: 'ratio',
      direction: 'higher',
      read: share('good'),
    },
    {
      key: `webVitals.${vital}.poor`,
      label: `${vital} poor`,
      group: 'webVitals',
      unit: 'ratio',
      direction: 'lower',
      read: share('poor'),
    },
  ];
});

const businessFigures: FigureDefinition[] = [
  {
    key: 'calculations',
    label: 'Calculations',
    group: 'business',
    unit: '',
    direction: 'higher',
    read: (source, range) => sumOf(source, 'business.calculations', range),
  },
  {
    key: 'affiliateClicks',
    label: 'Affiliate clicks',
    group: 'business',
    unit: '',
    direction: 'higher',
    read: (source, range) => sumOf(source, 'business.affiliateClicks', range),
  },
  {
    key: 'conversion',
    label: 'Conversion',
    group: 'business',
    unit: 'ratio',
    direction: 'higher',
    read: (source, range) =>
      ratio(
        sumOf(source, 'business.affiliateClicks', range),
        sumOf(source, 'business.calculations', range),
      ),
  },
];

/** Every figure of a report, in display order. */
export const REPORT_FIGURES: readonly FigureDefinition[] = [
  ...serviceFigures,
  ...cacheFigures,
  ...vitalFigures,
  ...businessFigures,
];

/** The change in % from `previous` to `value` and what it means for a figure of `direction`. */
export function compareFigure(
  value: number | null,
  previous: number | null,
  direction: FigureDirection,
): { changePct: number | null; verdict: FigureVerdict } {
  if (value === null || previous === null) return { changePct: null, verdict: 'none' };
  const changePct = previous === 0 ? null : ((value - previous) / Math.abs(previous)) * 100;
  if (direction === 'neutral') return { changePct, verdict: 'neutral' };
  const delta = value - previous;
  const unchanged = changePct === null ? delta === 0 : Math.abs(changePct) < UNCHANGED_BELOW_PCT;
  if (unchanged) return { changePct, verdict: 'unchanged' };
  const improved = direction === 'higher' ? delta > 0 : delta < 0;
  return { changePct, verdict: improved ? 'better' : 'worse' };
}

/** Reads every figure over `current` and `previous` and compares them. */
export function readFigures(
  source: ReportStatsSource,
  current: TimeRange,
  previous: TimeRange,
): ReportFigure[] {
  return REPORT_FIGURES.map(({ read, ...definition }) => {
    const value = read(source, current);
    const before = read(source, previous);
    return {
      ...definition,
      value,
      previous: before,
      ...compareFigure(value, before, definition.direction),
    };
  });
}
