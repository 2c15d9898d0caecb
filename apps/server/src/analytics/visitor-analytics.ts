import type { MetricsRegistry } from '@taurine/monitor';
import { VisitLedger } from '@taurine/vitals';
import type {
  AnalyticsBeacon,
  ClosedVisit,
  VisitLedgerOptions,
  VisitUpdate,
} from '@taurine/vitals';

/** Visitor analytics from the SPA's beacons: page views, feature use, sessions. */
export interface VisitorAnalytics {
  /** Applies one validated beacon received at `now` and records what it adds. */
  accept(beacon: AnalyticsBeacon, now: number): VisitUpdate;
  /** Ends the sessions idle since `ledger.idleMs` and records them (the collection tick). */
  closeIdle(now: number): void;
}

/**
 * Records beacons through a {@link VisitLedger}: `visitor.pageViews{route}` and
 * `feature.usage{feature}` count what each beacon adds, `visitor.sessionDuration` (s) and
 * `visitor.pagesPerSession` take one sample per ended visit, `visitor.beacons{outcome}` counts
 * beacons `counted` and `repeated` (a repeat or an older beacon, which adds nothing).
 */
export function createVisitorAnalytics(options: {
  registry: MetricsRegistry;
  ledger?: VisitLedgerOptions;
}): VisitorAnalytics {
  const { registry } = options;
  const ledger = new VisitLedger(options.ledger);
  const recordVisits = (visits: ClosedVisit[]) => {
    for (const visit of visits) {
      registry.distribution('visitor.sessionDuration', visit.durationMs / 1000);
      registry.distribution('visitor.pagesPerSession', visit.pageViews);
    }
  };
  return {
    accept(beacon, now) {
      const update = ledger.apply(beacon, now);
      registry.counter('visitor.beacons', 1, {
        outcome: update.accepted ? 'counted' : 'repeated',
      });
      for (const [route, count] of Object.entries(update.pageViews))
        registry.counter('visitor.pageViews', count, { route });
      for (const [feature, count] of Object.entries(update.features))
        registry.counter('feature.usage', count, { feature });
      recordVisits(update.closed);
      return update;
    },
    closeIdle(now) {
      recordVisits(ledger.closeIdle(now));
    },
  };
}
