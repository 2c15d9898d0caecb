import type { AlertComparison, AlertNoDataState, Stat, StatsWindow } from '../../../gql/graphql.ts';
import type { AlertSeverity } from '../../../gql/graphql.ts';
import { useRuleForm } from '../hooks/use-rule-form.ts';
import type { FieldErrors, RuleDraft } from '../hooks/use-rule-form.ts';
import {
  COMPARISON_SYMBOLS,
  SEVERITIES,
  SEVERITY_LABELS,
  STATS,
  WINDOWS,
  windowLabel,
} from '../utils/alert-labels.ts';
import { EditorActions, EnabledCheckbox, FormField } from './form-field.tsx';
import { MetricPicker } from './metric-picker.tsx';
import { RulePreview } from './rule-preview.tsx';

interface RuleFormProps {
  initial: RuleDraft;
  /** The rule being edited; null for a new one. */
  ruleId: string | null;
  onDone: () => void;
}

type Setter = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void;

/** Creates or edits a rule: metric (searchable), condition, severity, with a live preview. */
export function RuleForm({ initial, ruleId, onDone }: RuleFormProps) {
  const { draft, set, errors, save, saving } = useRuleForm(initial, ruleId, onDone);
  return (
    <form
      className="editor"
      aria-label={ruleId === null ? 'New rule' : `Edit rule ${initial.name}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <FormField label="Name" error={errors.name}>
        {(props) => (
          <input
            {...props}
            value={draft.name}
            onChange={(event) => {
              set('name', event.target.value);
            }}
          />
        )}
      </FormField>
      <MetricPicker
        value={draft.metric}
        error={errors.metric}
        onChange={(metric) => {
          set('metric', metric);
        }}
      />
      <ConditionFields draft={draft} set={set} errors={errors} />
      <RulePreview draft={draft} />
      <EnabledCheckbox
        checked={draft.enabled}
        onChange={(checked) => {
          set('enabled', checked);
        }}
      />
      <EditorActions
        formError={errors.form}
        saving={saving}
        submitLabel={ruleId === null ? 'Create rule' : 'Save rule'}
        onCancel={onDone}
      />
    </form>
  );
}

function ConditionFields({
  draft,
  set,
  errors,
}: {
  draft: RuleDraft;
  set: Setter;
  errors: FieldErrors;
}) {
  return (
    <div className="editor__row">
      <FormField label="Statistic" error={errors.stat}>
        {(props) => (
          <select
            {...props}
            value={draft.stat}
            onChange={(event) => {
              set('stat', event.target.value as Stat);
            }}
          >
            {STATS.map((stat) => (
              <option key={stat} value={stat}>
                {stat.toLowerCase()}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Over" error={errors.window}>
        {(props) => (
          <select
            {...props}
            value={draft.window}
            onChange={(event) => {
              set('window', event.target.value as StatsWindow);
            }}
          >
            {WINDOWS.map((window) => (
              <option key={window} value={window}>
                {windowLabel(window)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Comparison" error={errors.comparison}>
        {(props) => (
          <select
            {...props}
            value={draft.comparison}
            onChange={(event) => {
              set('comparison', event.target.value as AlertComparison);
            }}
          >
            {(Object.keys(COMPARISON_SYMBOLS) as AlertComparison[]).map((comparison) => (
              <option key={comparison} value={comparison}>
                {COMPARISON_SYMBOLS[comparison]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Threshold" error={errors.threshold} hint="In the metric’s unit">
        {(props) => (
          <input
            {...props}
            inputMode="decimal"
            value={draft.threshold}
            onChange={(event) => {
              set('threshold', event.target.value);
            }}
          />
        )}
      </FormField>
      <SeverityFields draft={draft} set={set} errors={errors} />
    </div>
  );
}

function SeverityFields({
  draft,
  set,
  errors,
}: {
  draft: RuleDraft;
  set: Setter;
  errors: FieldErrors;
}) {
  return (
    <>
      <FormField label="For (seconds)" error={errors.forSeconds} hint="How long it must hold">
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            value={draft.forSeconds}
            onChange={(event) => {
              set('forSeconds', event.target.value);
            }}
          />
        )}
      </FormField>
      <FormField label="Severity" error={errors.severity}>
        {(props) => (
          <select
            {...props}
            value={draft.severity}
            onChange={(event) => {
              set('severity', event.target.value as AlertSeverity);
            }}
          >
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {SEVERITY_LABELS[severity]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Without data" error={errors.noDataState}>
        {(props) => (
          <select
            {...props}
            value={draft.noDataState}
            onChange={(event) => {
              set('noDataState', event.target.value as AlertNoDataState);
            }}
          >
            <option value="OK">counts as fine</option>
            <option value="NO_DATA">shows “no data”</option>
            <option value="ALERTING">counts as firing</option>
          </select>
        )}
      </FormField>
    </>
  );
}
