import {
  AUTOMATIC_RESPONSE_DESCRIPTIONS,
  responseFigureUnit,
  suggestOptimisations,
} from '@taurine/monitor/operations';
import type {
  AutomaticResponseName,
  ResponseCondition,
  Suggestion,
} from '@taurine/monitor/operations';
import type { StatisticsSources } from './operations-statistics.ts';
import { gatherStatistics } from './operations-statistics.ts';

/** Options of {@link createSuggestionsService}. */
export interface SuggestionsServiceOptions extends StatisticsSources {
  /** The responses' latest conditions and whether each is on. */
  responses: () => Promise<
    { name: AutomaticResponseName; enabled: boolean; condition: ResponseCondition }[]
  >;
}

/** Lists optimisation suggestions over the last hour. */
export interface SuggestionsService {
  list(): Promise<Suggestion[]>;
}

/**
 * The suggestion rules over the gathered statistics, plus one suggestion per automatic response
 * whose condition holds while it is off ("turn it on"): when a response is off, what it would do
 * is only suggested.
 */
export function createSuggestionsService(options: SuggestionsServiceOptions): SuggestionsService {
  return {
    async list() {
      const found = suggestOptimisations(gatherStatistics(options));
      const offButNeeded = (await options.responses())
        .filter((response) => !response.enabled && response.condition.holds)
        .map(({ name, condition }): Suggestion => ({
          id: `automaticResponse:${name}`,
          rule: 'automaticResponse',
          severity: 'warning',
          subject: name,
          title: `${AUTOMATIC_RESPONSE_DESCRIPTIONS[name]}: its condition holds now`,
          action: `Act by hand, or turn on the automatic response ${name} (admin).`,
          evidence: Object.entries(condition.figures).map(([label, value]) => ({
            label,
            value,
            unit: responseFigureUnit(label),
          })),
          expectedGain: 'the condition cleared without waiting for an operator',
          chart: { metric: CHART_OF[name], tags: {} },
        }));
      return [...offButNeeded, ...found];
    },
  };
}

const CHART_OF: Readonly<Record<AutomaticResponseName, string>> = {
  rewarmCache: 'cache.hitRate',
  relieveMemory: 'process.heapUsedRatio',
  shedLoad: 'api.errorRate',
  raiseTtl: 'cache.loads',
};
