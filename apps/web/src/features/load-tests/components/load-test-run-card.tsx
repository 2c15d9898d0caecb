import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { useFragment } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import {
  VERDICT_TEXT,
  durationText,
  msText,
  thresholdText,
  usersText,
} from '../utils/load-test-format.ts';

const LoadTestRunCardFragment = graphql(`
  fragment LoadTestRunCard_LoadTestRunFragment on LoadTestRun {
    name
    mode
    verdict
    targetUrl
    startedAt
    endedAt
    recordedBy
    figures {
      requests
      errorRatePercent
      throughputRps
      p95Ms
    }
    phases {
      name
      kind
      startUsers
      users
      figures {
        requests
        throughputRps
        p95Ms
        errorRatePercent
      }
    }
    thresholds {
      metric
      limit
      actual
      passed
    }
    breakingPoint {
      users
      lastGoodUsers
      reason
    }
  }
`);

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** One stored run: verdict, when and against what, its phases, thresholds and breaking point. */
export function LoadTestRunCard(props: { run: FragmentType<typeof LoadTestRunCardFragment> }) {
  const run = useFragment(LoadTestRunCardFragment, props.run);
  const verdict = VERDICT_TEXT[run.verdict];
  return (
    <article className="panel load-test-run" data-testid="load-test-run">
      <header className="load-test-run__header">
        <h2 className="panel__title">{run.name}</h2>
        <span className={`badge load-test-run__verdict load-test-run__verdict--${verdict.tone}`}>
          {verdict.label}
        </span>
      </header>
      <p className="muted">
        {run.mode === 'STRESS' ? 'Stress run' : 'Load run'} on{' '}
        {dateTime.format(new Date(run.startedAt))} for {durationText(run.startedAt, run.endedAt)}{' '}
        against {run.targetUrl}, stored by {run.recordedBy}. {run.figures.requests} requests,{' '}
        {oneDecimal.format(run.figures.throughputRps)} req/s, p95 {msText(run.figures.p95Ms)},{' '}
        {oneDecimal.format(run.figures.errorRatePercent)} % errors.
      </p>
      {run.breakingPoint ? (
        <p className="load-test-run__breaking-point">
          Broke at <strong>{run.breakingPoint.users} users</strong> ({run.breakingPoint.reason});
          the last step that held had {run.breakingPoint.lastGoodUsers} users.
        </p>
      ) : null}
      <div className="data-table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Phases of {run.name}</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Users</th>
              <th scope="col">Requests</th>
              <th scope="col">req/s</th>
              <th scope="col">p95</th>
              <th scope="col">Errors</th>
            </tr>
          </thead>
          <tbody>
            {run.phases.map((phase, index) => (
              <tr key={`${index}-${phase.name}`}>
                <th scope="row">
                  {phase.name}
                  {phase.name.toUpperCase().replace('-', '_') === phase.kind ? null : (
                    <span className="muted"> ({phase.kind.toLowerCase().replace('_', '-')})</span>
                  )}
                </th>
                <td>{usersText(phase.startUsers, phase.users)}</td>
                <td>{phase.figures.requests}</td>
                <td>{oneDecimal.format(phase.figures.throughputRps)}</td>
                <td>{msText(phase.figures.p95Ms)}</td>
                <td>{oneDecimal.format(phase.figures.errorRatePercent)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.thresholds.length > 0 ? (
        <ul className="load-test-run__thresholds" aria-label="Thresholds">
          {run.thresholds.map((threshold) => (
            <li key={threshold.metric} data-passed={threshold.passed}>
              {threshold.passed ? '✓ held: ' : '✗ broken: '}
              {thresholdText(threshold)}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
