import { useId } from 'react';
import { useAlertFilters } from '../hooks/use-alert-filters.ts';
import { AlertDetail } from './alert-detail.tsx';
import { AlertFilters } from './alert-filters.tsx';
import { AlertList } from './alert-list.tsx';
import { ChannelList } from './channel-list.tsx';
import { RuleList } from './rule-list.tsx';
import '../../../styles/dashboard.css';
import './alerts.css';

/**
 * Alerts: a list filtered by status and severity (in the URL), updated live from `alertEvents`;
 * the detail of one alert with its history and deliveries; the rules and the channels.
 */
export function AlertsPage() {
  const id = useId();
  const { status, severity, selected, link, setFilter } = useAlertFilters();

  return (
    <div className="alerts">
      <AlertFilters status={status} severity={severity} onChange={setFilter} />
      {selected === null ? null : (
        <AlertDetail
          id={selected}
          onClose={() => {
            setFilter('alert', '');
          }}
        />
      )}
      <AlertList
        status={status}
        severity={severity}
        selected={selected}
        detailHref={(alertId) => link('alert', alertId)}
      />
      <section className="panel" aria-labelledby={`${id}-rules`}>
        <h2 id={`${id}-rules`} className="panel__title">
          Rules
        </h2>
        <div className="table-scroll">
          <RuleList />
        </div>
      </section>
      <section className="panel" aria-labelledby={`${id}-channels`}>
        <h2 id={`${id}-channels`} className="panel__title">
          Notification channels
        </h2>
        <ChannelList />
      </section>
    </div>
  );
}
