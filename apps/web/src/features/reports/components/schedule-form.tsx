import type { ReportFormat, ReportPeriod } from '../../../gql/graphql.ts';

const FORMATS: readonly ReportFormat[] = ['PDF', 'CSV', 'JSON'];

/** The new schedule being written. */
export interface Draft {
  name: string;
  period: ReportPeriod;
  timeZone: string;
  cron: string;
  recipients: string;
  formats: ReportFormat[];
  slack: boolean;
}

/** A daily PDF schedule in the browser's time zone. */
export const emptyDraft = (): Draft => ({
  name: 'Daily report',
  period: 'DAY',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  cron: '',
  recipients: '',
  formats: ['PDF'],
  slack: false,
});

/** Checkboxes of the formats attached to the email. */
function FormatChoice({
  formats,
  onChange,
}: {
  formats: readonly ReportFormat[];
  onChange: (formats: ReportFormat[]) => void;
}) {
  return (
    <fieldset>
      <legend>Attach</legend>
      {FORMATS.map((format) => (
        <label key={format}>
          <input
            type="checkbox"
            checked={formats.includes(format)}
            onChange={(e) => {
              onChange(
                e.target.checked ? [...formats, format] : formats.filter((f) => f !== format),
              );
            }}
          />{' '}
          {format}
        </label>
      ))}
    </fieldset>
  );
}

/** The form of a new schedule; the parent owns the draft and saves it. */
export function ScheduleForm({
  draft,
  problem,
  onChange,
  onSubmit,
}: {
  draft: Draft;
  problem: string | null;
  onChange: (draft: Draft) => void;
  onSubmit: () => void;
}) {
  return (
    <form
      className="schedule-editor__form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3>New schedule</h3>
      <label>
        Name
        <input
          value={draft.name}
          onChange={(e) => {
            onChange({ ...draft, name: e.target.value });
          }}
        />
      </label>
      <label>
        Period
        <select
          value={draft.period}
          onChange={(e) => {
            onChange({ ...draft, period: e.target.value as ReportPeriod });
          }}
        >
          <option value="DAY">Daily</option>
          <option value="WEEK">Weekly</option>
          <option value="MONTH">Monthly</option>
        </select>
      </label>
      <label>
        Time zone
        <input
          value={draft.timeZone}
          onChange={(e) => {
            onChange({ ...draft, timeZone: e.target.value });
          }}
        />
      </label>
      <label>
        Cron (optional, e.g. 5 0 * * *)
        <input
          value={draft.cron}
          onChange={(e) => {
            onChange({ ...draft, cron: e.target.value });
          }}
        />
      </label>
      <label>
        Recipients (comma-separated)
        <input
          value={draft.recipients}
          onChange={(e) => {
            onChange({ ...draft, recipients: e.target.value });
          }}
        />
      </label>
      <FormatChoice
        formats={draft.formats}
        onChange={(formats) => {
          onChange({ ...draft, formats });
        }}
      />
      <label>
        <input
          type="checkbox"
          checked={draft.slack}
          onChange={(e) => {
            onChange({ ...draft, slack: e.target.checked });
          }}
        />{' '}
        Also post a summary to Slack
      </label>
      {problem === null ? null : <p role="alert">{problem}</p>}
      <button type="submit" className="button">
        Add schedule
      </button>
    </form>
  );
}
