import type { PanelDataState } from '../hooks/use-panel-data.ts';
import type { DashboardPanel } from '../utils/dashboard-document.ts';
import { PanelView } from './panel-view.tsx';

/**
 * The panels on the 24-column grid, read-only: CSS grid placement from each panel's position (no
 * drag-and-drop code here; the editor loads react-grid-layout on its own). On narrow screens the
 * panels stack.
 */
export function DashboardGrid({
  panels,
  data,
}: {
  panels: readonly DashboardPanel[];
  data: PanelDataState;
}) {
  return (
    <div className="dashboard-grid">
      {panels.map((panel) => (
        <div
          key={panel.id}
          className="dashboard-grid__cell"
          style={{
            gridColumn: `${panel.grid.x + 1} / span ${panel.grid.w}`,
            gridRow: `${panel.grid.y + 1} / span ${panel.grid.h}`,
          }}
        >
          <PanelView panel={panel} data={data.byPanel.get(panel.id)} />
        </div>
      ))}
    </div>
  );
}
