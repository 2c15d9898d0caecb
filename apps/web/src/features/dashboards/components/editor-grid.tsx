import ReactGridLayout, { useContainerWidth, verticalCompactor } from 'react-grid-layout';
import type { Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import type { PanelDataState } from '../hooks/use-panel-data.ts';
import type { DashboardPanel } from '../utils/dashboard-document.ts';
import { PanelView } from './panel-view.tsx';

interface EditorGridProps {
  panels: readonly DashboardPanel[];
  data: PanelDataState;
  selected: string | null;
  onSelect: (id: string) => void;
  onLayout: (layout: Layout) => void;
}

/** The panels on a 24-column react-grid-layout grid: drag a panel's bar to move it, its corner to resize. */
export function EditorGrid({ panels, data, selected, onSelect, onLayout }: EditorGridProps) {
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = panels.map((panel) => ({ i: panel.id, ...panel.grid, minW: 2, minH: 2 }));
  return (
    <div ref={containerRef} className="editor-grid">
      {mounted ? (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: 24, rowHeight: 30, margin: [8, 8] }}
          dragConfig={{ enabled: true, handle: '.editor-grid__handle' }}
          resizeConfig={{ enabled: true }}
          compactor={verticalCompactor}
          onLayoutChange={onLayout}
        >
          {panels.map((panel) => (
            <div
              key={panel.id}
              className="editor-grid__item"
              data-selected={panel.id === selected || undefined}
            >
              <div className="editor-grid__handle" title="Drag to move">
                <span>{panel.title}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Edit panel ${panel.title}`}
                  onMouseDown={(event) => {
                    event.stopPropagation();
                  }}
                  onClick={() => {
                    onSelect(panel.id);
                  }}
                >
                  Edit
                </button>
              </div>
              <PanelView panel={panel} data={data.byPanel.get(panel.id)} />
            </div>
          ))}
        </ReactGridLayout>
      ) : null}
    </div>
  );
}
