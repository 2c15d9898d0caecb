import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import type { ReportFormat, ReportPeriod } from '../../../gql/graphql.ts';
import {
  CreateReportScheduleMutation,
  DeleteReportScheduleMutation,
  ReportSchedulesQuery,
  UpdateReportScheduleMutation,
} from '../api/schedules.ts';

const FORMATS: readonly ReportFormat[] = ['PDF', 'CSV', 'JSON'];

interface Draft {
  name: string;
  period: ReportPeriod;
  timeZone: string;
  cron: string;
  recipients: string;
  formats: ReportFormat[];
  slack: boolean;
}

const emptyDraft = (): Draft => ({
  name: 'Daily report',
  period: 'DAY',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  cron: '',
  recipients: '',
  formats: ['PDF'],
  slack: false,
});

/** Admins: the report schedules, a form to add one, and switches to pause or remove them. */
export function ScheduleEditor() {
  const [{ data, error }, reexecute] = useQuery({ query: ReportSchedulesQuery });
  const [, create] = useMutation(CreateReportScheduleMutation);
  const [, update] = useMutation(UpdateReportScheduleMutation);
  const [, remove] = useMutation(DeleteReportScheduleMutation);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [problem, setProblem] = useState<string | null>(null);
  const refetch = () => {
    reexecute({ requestPolicy: 'network-only' });
  };
  const submit = async () => {
    setProblem(null);
    const result = await create({
      input: {
        name: draft.name,
        period: draft.period,
        timeZone: draft.timeZone,
        ...(draft.cron.trim() === '' ? {} : { cron: draft.cron.trim() }),
        recipients: draft.recipients.split(/[\s,;]+/).filter((address) => address !== ''),
        formats: draft.formats,
        slack: draft.slack,
      },
    });
    const answer = result.data?.createReportSchedule;
    if (answer?.__typename === 'ReportSchedule') {
      setDraft(emptyDraft());
      refetch();
    } else if (answer?.__typename === 'ValidationError') {
      setProblem(answer.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    } else {
      setProblem(result.error?.message ?? 'not saved');
    }
  };
  if (error) return <QueryProblem error={error} onRetry={refetch} />;
  return (
    <section className="schedule-editor">
      <h2>Schedules</h2>
      <ul>
        {data?.reportSchedules.map((schedule) => (
          <li key={schedule.id}>
            <strong>{schedule.name}</strong> · {schedule.period.toLowerCase()} · {schedule.timeZone}{' '}
            · {schedule.recipients.join(', ') || 'Slack only'} · {schedule.formats.join(', ')}
            <br />
            <small>
              next {schedule.nextRunAt ? new Date(schedule.nextRunAt).toLocaleString() : '—'}
            </small>{' '}
            <label>
              <input
                type="checkbox"
                checked={schedule.enabled}
                onChange={(event) => {
                  void update({ id: schedule.id, input: { enabled: event.target.checked } }).then(
                    refetch,
                  );
                }}
              />{' '}
              Enabled
            </label>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                void remove({ id: schedule.id }).then(refetch);
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form
        className="schedule-editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h3>New schedule</h3>
        <label>
          Name
          <input
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label>
          Period
          <select
            value={draft.period}
            onChange={(e) => setDraft({ ...draft, period: e.target.value as ReportPeriod })}
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
            onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
          />
        </label>
        <label>
          Cron (optional)
          <input
            value={draft.cron}
            placeholder="5 0 * * *"
            onChange={(e) => setDraft({ ...draft, cron: e.target.value })}
          />
        </label>
        <label>
          Recipients
          <input
            value={draft.recipients}
            placeholder="ops@example.com, boss@example.com"
            onChange={(e) => setDraft({ ...draft, recipients: e.target.value })}
          />
        </label>
        <fieldset>
          <legend>Attach</legend>
          {FORMATS.map((format) => (
            <label key={format}>
              <input
                type="checkbox"
                checked={draft.formats.includes(format)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    formats: e.target.checked
                      ? [...draft.formats, format]
                      : draft.formats.filter((f) => f !== format),
                  })
                }
              />{' '}
              {format}
            </label>
          ))}
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={draft.slack}
            onChange={(e) => setDraft({ ...draft, slack: e.target.checked })}
          />{' '}
          Also post a summary to Slack
        </label>
        {problem === null ? null : <p role="alert">{problem}</p>}
        <button type="submit" className="button">
          Add schedule
        </button>
      </form>
    </section>
  );
}
