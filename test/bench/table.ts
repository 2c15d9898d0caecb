/**
 * Shared helpers for `npm run bench`: every benchmark prints a table in which rows measured in the
 * same run are compared side by side as ratios. Benchmarks never fail on a time.
 */

export interface BenchRow {
  /** What was measured, e.g. `"record: pre-resolved series"`. */
  name: string;
  /** The measured value. */
  value: number;
  /** Unit of `value`, e.g. `"ops/s"`, `"ms"`, `"MiB"`. */
  unit: string;
  /** The target, as text, when the issue names one (e.g. `">= 15M ops/s"`). */
  target?: string;
  /** Whether the target was met, when there is one. */
  met?: boolean;
  /** Name of the row this one is compared with; the ratio `value / baseline` is printed. */
  baseline?: string;
}

const formatNumber = (value: number): string => {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
};

/** Prints one titled table; ratios are computed against the row named in `baseline`. */
export function printTable(title: string, rows: BenchRow[]): void {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const cells = rows.map((row) => {
    const base = row.baseline === undefined ? undefined : byName.get(row.baseline);
    const ratio =
      base && base.value !== 0 ? `${(row.value / base.value).toFixed(2)}x ${base.name}` : '';
    const verdict = row.met === undefined ? '' : row.met ? 'met' : 'MISSED';
    return [row.name, `${formatNumber(row.value)} ${row.unit}`, ratio, row.target ?? '', verdict];
  });
  const header = ['benchmark', 'value', 'ratio', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations/s. */
export function opsPerSecond(fn: (iterations: number) => void, ms = 1000, batch = 10_000): number {
  fn(batch); // warm-up so the JIT has compiled the hot path
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    fn(batch);
    done += batch;
    elapsed = performance.now() - start;
  }
  return (done / elapsed) * 1000;
}

/** Percentile of an unsorted array of numbers (sorts a copy; for benchmark bookkeeping only). */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
