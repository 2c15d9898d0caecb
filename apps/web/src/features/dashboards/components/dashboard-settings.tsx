import { useId } from 'react';
import type { DashboardDocument } from '../utils/dashboard-document.ts';
import { TIME_RANGES } from '../utils/dashboard-document.ts';

/** Who may read a dashboard, as the editor sets it. */
export interface Audience {
  visibility: 'PRIVATE' | 'ROLE' | 'PUBLIC';
  role: 'VIEWER' | 'OPERATOR' | 'ADMIN' | null;
}

interface DashboardSettingsProps {
  document: DashboardDocument;
  audience: Audience;
  onDocument: (document: DashboardDocument) => void;
  onAudience: (audience: Audience) => void;
}

/** Title, description, time range, refresh, visibility and variables of the dashboard. */
export function DashboardSettings({
  document,
  audience,
  onDocument,
  onAudience,
}: DashboardSettingsProps) {
  const id = useId();
  const set = (changes: Partial<DashboardDocument>) => {
    onDocument({ ...document, ...changes });
  };
  return (
    <details className="panel dashboard-settings" open={document.panels.length === 0}>
      <summary>Dashboard settings</summary>
      <div className="dashboard-settings__grid">
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            value={document.title}
            onChange={(event) => {
              set({ title: event.target.value });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description</label>
          <input
            id={`${id}-description`}
            value={document.description}
            onChange={(event) => {
              set({ description: event.target.value });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-range`}>Time range</label>
          <select
            id={`${id}-range`}
            value={document.timeRange}
            onChange={(event) => {
              set({ timeRange: event.target.value as DashboardDocument['timeRange'] });
            }}
          >
            {TIME_RANGES.map((range) => (
              <option key={range} value={range}>
                Last {range}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-refresh`}>Refresh (seconds, 0 = never)</label>
          <input
            id={`${id}-refresh`}
            type="number"
            min={0}
            value={document.refreshSeconds}
            onChange={(event) => {
              set({ refreshSeconds: Number(event.target.value) });
            }}
          />
        </div>
        <AudienceFields audience={audience} onAudience={onAudience} />
      </div>
      <VariablesEditor
        variables={document.variables}
        onChange={(variables) => {
          set({ variables });
        }}
      />
    </details>
  );
}

/** The dashboard's variables: name, metric and tag whose values its picker offers. */
function VariablesEditor({
  variables,
  onChange,
}: {
  variables: DashboardDocument['variables'];
  onChange: (variables: DashboardDocument['variables']) => void;
}) {
  return (
    <fieldset className="query-editor">
      <legend>Variables (a tag’s values; use as $name in a filter)</legend>
      {variables.map((variable, index) => (
        <div className="query-editor__tag" key={index}>
          {(['name', 'metric', 'tag'] as const).map((field) => (
            <input
              key={field}
              aria-label={`Variable ${index + 1} ${field}`}
              value={variable[field]}
              onChange={(event) => {
                onChange(
                  variables.map((entry, i) =>
                    i === index ? { ...entry, [field]: event.target.value } : entry,
                  ),
                );
              }}
            />
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onChange(variables.filter((_, i) => i !== index));
            }}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          onChange([
            ...variables,
            { name: 'operation', metric: 'api.responseTime', tag: 'operation', defaultValue: '*' },
          ]);
        }}
      >
        Add variable
      </button>
    </fieldset>
  );
}

/** Who may read the dashboard: private, a role and above, or public. */
function AudienceFields({
  audience,
  onAudience,
}: {
  audience: Audience;
  onAudience: (audience: Audience) => void;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-visibility`}>Who can see it</label>
        <select
          id={`${id}-visibility`}
          value={audience.visibility}
          onChange={(event) => {
            const visibility = event.target.value as Audience['visibility'];
            onAudience({
              visibility,
              role: visibility === 'ROLE' ? (audience.role ?? 'VIEWER') : null,
            });
          }}
        >
          <option value="PRIVATE">Only me (private)</option>
          <option value="ROLE">Keys of a role</option>
          <option value="PUBLIC">Anyone, without a key (public; admin)</option>
        </select>
      </div>
      {audience.visibility === 'ROLE' ? (
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select
            id={`${id}-role`}
            value={audience.role ?? 'VIEWER'}
            onChange={(event) => {
              onAudience({ ...audience, role: event.target.value as Audience['role'] });
            }}
          >
            <option value="VIEWER">viewer and above</option>
            <option value="OPERATOR">operator and above</option>
            <option value="ADMIN">admin</option>
          </select>
        </div>
      ) : null}
    </>
  );
}
