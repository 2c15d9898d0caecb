import { TooltipWithBounds } from '@visx/tooltip';
import type { ChartTooltipData } from '../hooks/use-chart-pointer.ts';

interface ChartTooltipProps {
  data: ChartTooltipData;
  left: number | undefined;
  top: number | undefined;
  formatValue: (value: number) => string;
}

/** The exact values at the time under the pointer, one row per series. */
export function ChartTooltip({ data, left, top, formatValue }: ChartTooltipProps) {
  return (
    <TooltipWithBounds left={left} top={top} className="chart__tooltip" unstyled applyPositionStyle>
      <p className="chart__tooltip-time">{new Date(data.t).toLocaleString()}</p>
      <table>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <span className="chart__swatch" style={{ background: row.color }} />
                {row.label}
              </th>
              <td>{row.value === null ? 'no data' : formatValue(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TooltipWithBounds>
  );
}
