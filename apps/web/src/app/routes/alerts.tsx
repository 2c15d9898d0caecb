import { ComingSoon } from '../../components/coming-soon.tsx';
import { PageHeader } from '../../components/page-header.tsx';

export default function AlertsRoute() {
  return (
    <>
      <PageHeader title="Alerts">
        <p>
          Firing and acknowledged alerts, their history and the rules behind them. Nothing is
          evaluated yet: alerting arrives with the metrics engine.
        </p>
      </PageHeader>
      <ComingSoon
        items={[
          'Active alerts by severity (P0–P3), pushed live as they fire and resolve',
          'Acknowledge and resolve, with who did it and when',
          'Rules: metric, statistic, window, threshold and pending duration',
          'Notification delivery per channel (Slack, email, PagerDuty, webhook)',
        ]}
      />
    </>
  );
}
