import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { formatGrams, formatKcal, formatMg, formatUsd } from '../../../lib/format.ts';

export const CalculationBreakdown_CalculationFragment = graphql(`
  fragment CalculationBreakdown_CalculationFragment on Calculation {
    breakdown {
      source
      kind
      caffeineMg
      sugarG
      kcal
      costUsd
    }
  }
`);

/** Where each milligram, gram, calorie and cent comes from: the drink and each add-in. */
export function CalculationBreakdown({
  calculation: calculationRef,
}: {
  calculation: FragmentType<typeof CalculationBreakdown_CalculationFragment>;
}) {
  const { breakdown } = useFragment(CalculationBreakdown_CalculationFragment, calculationRef);
  return (
    <div className="table-scroll">
      <table className="breakdown" data-testid="result-breakdown">
        <caption>Where it comes from</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Caffeine</th>
            <th scope="col">Sugar</th>
            <th scope="col">Energy</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {breakdown.map((line, index) => (
            <tr key={`${line.kind}-${line.source}-${index}`}>
              <th scope="row">
                {line.source}
                <span className="breakdown__kind">
                  {line.kind === 'flavor' ? 'drink' : 'add-in'}
                </span>
              </th>
              <td>{formatMg(line.caffeineMg)}</td>
              <td>{formatGrams(line.sugarG)}</td>
              <td>{formatKcal(line.kcal)}</td>
              <td>{formatUsd(line.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
