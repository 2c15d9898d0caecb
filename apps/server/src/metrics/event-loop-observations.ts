/** A delay value and how many event-loop observations had it. */
export interface DelayObservations {
  valueMs: number;
  count: number;
}

/**
 * Rebuilds the observations behind a `monitorEventLoopDelay` histogram from its percentile table
 * (`histogram.percentiles`: percentile → value in ns, HDR precision) and its observation count:
 * the observations between two consecutive percentiles are given the value of the upper one.
 * Recording these into a distribution makes its quantiles over any window quantiles of every
 * observation, not of per-interval summaries (the median of per-interval p99s is no median).
 * Counts are rounded cumulatively, so they add up to `count` exactly.
 */
export function delayObservations(
  percentiles: ReadonlyMap<number, number>,
  count: number,
): DelayObservations[] {
  const observations: DelayObservations[] = [];
  let recorded = 0;
  for (const [percentile, valueNs] of [...percentiles].sort((a, b) => a[0] - b[0])) {
    const upTo = Math.round((Math.min(percentile, 100) / 100) * count);
    if (upTo > recorded) {
      observations.push({ valueMs: valueNs / 1e6, count: upTo - recorded });
      recorded = upTo;
    }
  }
  if (recorded < count && percentiles.size > 0) {
    // The table always ends at 100; this only guards against a truncated one.
    const max = Math.max(...percentiles.values());
    observations.push({ valueMs: max / 1e6, count: count - recorded });
  }
  return observations;
}
