import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import {
  CreateReportScheduleMutation,
  DeleteReportScheduleMutation,
  ReportSchedulesQuery,
  UpdateReportScheduleMutation,
} from '../api/schedules.ts';
import { ScheduleForm, emptyDraft } from './schedule-form.tsx';
import type { Draft } from './schedule-form.tsx';

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
      <ScheduleForm
        draft={draft}
        problem={problem}
        onChange={setDraft}
        onSubmit={() => void submit()}
      />
    </section>
  );
}
