import { useEffect, useState } from 'react';
import type { CombinedError } from 'urql';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import type { CalculateInput } from '../../../gql/graphql.ts';
import type { CalculationResult_CalculationFragment } from '../components/calculation-result.tsx';
import type { ResultJumpLink_CalculationFragment } from '../components/result-jump-link.tsx';

const RATINGS = { safe: 'SAFE', caution: 'CAUTION', 'over-limit': 'OVER_LIMIT' } as const;
const LIMIT_BASES = { 'body-weight': 'BODY_WEIGHT', 'adult-default': 'ADULT_DEFAULT' } as const;

export type OfflineCalculation = FragmentType<typeof CalculationResult_CalculationFragment> &
  FragmentType<typeof ResultJumpLink_CalculationFragment>;

/**
 * When the server cannot be reached (offline, or down), calculates the drink on this device with
 * the same pure `calculate()` the server runs. The calculator package is loaded only then (its
 * chunk is precached by the Service Worker), so online visitors never download it. Returns null
 * while online, while loading, or for input the calculator rejects (the server shows those).
 */
export function useOfflineCalculation(
  input: CalculateInput | null,
  error: CombinedError | undefined,
): OfflineCalculation | null {
  const [computed, setComputed] = useState<{
    input: CalculateInput;
    calculation: OfflineCalculation | null;
  } | null>(null);
  const unreachable = error?.networkError !== undefined;

  useEffect(() => {
    if (!unreachable || input === null) return;
    let cancelled = false;
    void import('@taurine/calculator').then(({ calculate }) => {
      if (cancelled) return;
      const outcome = calculate({
        flavorId: String(input.flavorId),
        servingMl: input.servingMl,
        addIns: (input.addIns ?? []).map((addIn) => ({
          ingredientId: String(addIn.ingredientId),
          amount: addIn.amount,
        })),
        bodyWeightKg: input.bodyWeightKg ?? null,
      });
      if (!outcome.ok) {
        setComputed({ input, calculation: null });
        return;
      }
      const result = outcome.result;
      // Fragment masking is a compile-time view: at run time a fragment reference is the data
      // itself. This object carries every field of the result's fragment and of the two it
      // spreads (meter, limit note, breakdown) and of the jump link's, in the server's shape (enum values upper case).
      const data = {
        flavorName: result.flavorName,
        servingMl: result.servingMl,
        caffeineMg: result.caffeineMg,
        caffeinePer100ml: result.caffeinePer100ml,
        sugarG: result.sugarG,
        kcal: result.kcal,
        costUsd: result.costUsd,
        rating: RATINGS[result.rating],
        warnings: [...result.warnings],
        dailyLimitShare: result.dailyLimitShare,
        singleDoseLimitMg: result.singleDoseLimitMg,
        exceedsSingleDose: result.exceedsSingleDose,
        caffeineLimit: {
          ...result.caffeineLimit,
          basis: LIMIT_BASES[result.caffeineLimit.basis],
          sources: result.caffeineLimit.sources.map((source) => ({ ...source })),
        },
        breakdown: result.breakdown.map((line) => ({
          source: line.source,
          kind: line.kind,
          caffeineMg: line.caffeineMg,
          sugarG: line.sugarG,
          kcal: line.kcal,
          costUsd: line.costUsd,
        })),
      };
      setComputed({ input, calculation: data as unknown as OfflineCalculation });
    });
    return () => {
      cancelled = true;
    };
  }, [unreachable, input]);

  // Only the result for the input on screen, and only while the server is unreachable.
  return unreachable && computed?.input === input ? computed.calculation : null;
}
