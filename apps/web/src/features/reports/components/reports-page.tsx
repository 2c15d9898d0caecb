import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AccessGate } from '../../../components/access-gate.tsx';
import { LoadingStatus } from '../../../components/loading-status.tsx';
import { QueryProblem } from '../../../components/query-problem.tsx';
import type { ReportPeriod } from '../../../gql/graphql.ts';
import { useViewer } from '../../../hooks/use-viewer.ts';
import { GenerateReportMutation, LiveReportQuery, StoredReportQuery } from '../api/reports.ts';
import { ReportHistory } from './report-history.tsx';
import { ReportView } from './report-view.tsx';
import { ScheduleEditor } from './schedule-editor.tsx';
import './reports.css';

const PERIODS: readonly [ReportPeriod, string][] = [
  ['DAY', 'Today'],
  ['WEEK', 'This week'],
  ['MONTH', 'This month'],
];

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function LiveReport({ period }: { period: ReportPeriod }) {
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: LiveReportQuery,
    variables: { period, timeZone: browserZone() },
    requestPolicy: 'cache-and-network',
  });
  if (error)
    return (
      <QueryProblem
        error={error}
        onRetry={() => {
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    );
  if (data === undefined || fetching) return <LoadingStatus />;
  return <ReportView data={data.report} />;
}

function StoredReport({ id }: { id: string }) {
  const [{ data, error }, reexecute] = useQuery({ query: StoredReportQuery, variables: { id } });
  if (error)
    return (
      <QueryProblem
        error={error}
        onRetry={() => {
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    );
  if (data === undefined) return <LoadingStatus />;
  if (data.storedReport === null) return <p>No report with this id.</p>;
  return <ReportView data={data.storedReport} />;
}

/**
 * Reports: the current period's report (or a stored one, `?report=<id>`), a period picker, the
 * stored history with downloads, "Save report" for operators and the schedules for admins.
 */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get('report');
  const [period, setPeriod] = useState<ReportPeriod>('DAY');
  const viewer = useViewer();
  const [saving, generate] = useMutation(GenerateReportMutation);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const select = (id: string | null) => {
    setParams(id === null ? {} : { report: id });
  };
  const save = async () => {
    setSaveProblem(null);
    const result = await generate({ period, timeZone: browserZone() });
    const answer = result.data?.generateReport;
    if (answer?.__typename === 'Report') select(answer.id ?? null);
    else
      setSaveProblem(
        answer?.__typename === 'ValidationError'
          ? answer.message
          : (result.error?.message ?? 'not saved'),
      );
  };
  const saveReason = viewer.reason('OPERATOR');
  return (
    <AccessGate what="Reports">
      <div className="reports">
        <div className="reports__toolbar" role="group" aria-label="Report period">
          {PERIODS.map(([value, label]) => (
            <button
              key={value}
              type="button"
              className="button button--secondary"
              aria-pressed={selected === null && period === value}
              onClick={() => {
                setPeriod(value);
                select(null);
              }}
            >
              {label}
            </button>
          ))}
          <button
            type="button"
            className="button"
            disabled={saveReason !== null || saving.fetching}
            title={saveReason ?? 'Store this report; it can then be downloaded'}
            onClick={() => void save()}
          >
            Save report
          </button>
          {saveReason === null ? null : (
            <span className="reports__reason">Saving {saveReason}</span>
          )}
          {saveProblem === null ? null : <span role="alert">{saveProblem}</span>}
        </div>
        <div className="reports__layout">
          <div className="reports__main">
            {selected === null ? <LiveReport period={period} /> : <StoredReport id={selected} />}
          </div>
          <aside className="reports__side">
            <ReportHistory selected={selected} onSelect={select} />
            {viewer.role === 'ADMIN' ? <ScheduleEditor /> : null}
          </aside>
        </div>
      </div>
    </AccessGate>
  );
}
