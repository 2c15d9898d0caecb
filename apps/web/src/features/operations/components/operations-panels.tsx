import { AutomaticResponsesPanel } from './automatic-responses-panel.tsx';
import { SuggestionsPanel } from './suggestions-panel.tsx';

/** Suggestions and the automatic responses under the monitoring dashboard (a chunk of its own). */
export default function OperationsPanels() {
  return (
    <div className="operations-panels">
      <SuggestionsPanel />
      <AutomaticResponsesPanel />
    </div>
  );
}
