import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useViewer } from '../../../hooks/use-viewer.ts';
import { useAlertFilters } from '../hooks/use-alert-filters.ts';
import { newSilence } from '../hooks/use-silence-form.ts';
import type { SilenceDraft } from '../hooks/use-silence-form.ts';
import { AlertDetail } from './alert-detail.tsx';
import { AlertFilters } from './alert-filters.tsx';
import { AlertList } from './alert-list.tsx';
import { ChannelList } from './channel-list.tsx';
import { RuleList } from './rule-list.tsx';
import { SilenceList } from './silence-list.tsx';
import { StatusLegend } from './status-legend.tsx';
import '../../../styles/dashboard.css';
import './alerts.css';

function Panel({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} className="panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Alerts: a list filtered by status and severity (in the URL), updated live from `alertEvents`;
 * the detail of one alert; the rules, silences and channels, each editable by the roles that may
 * (the page asks the server which role its key has and disables the rest with the reason).
 */
export function AlertsPage() {
  const { status, severity, selected, link, setFilter } = useAlertFilters();
  const viewer = useViewer();
  const [silencePrefill, setSilencePrefill] = useState<SilenceDraft | null>(null);
  const adminReason = viewer.reason('ADMIN');
  return (
    <div className="alerts">
      <p className="muted alerts__key" data-testid="viewer-role">
        {viewer.role === null
          ? 'No API key: set one in the top bar to see and manage alerts.'
          : `Your key “${viewer.name ?? ''}” is ${viewer.role.toLowerCase()}.`}
      </p>
      <AlertFilters status={status} severity={severity} onChange={setFilter} />
      <StatusLegend />
      {selected === null ? null : (
        <AlertDetail
          id={selected}
          onClose={() => {
            setFilter('alert', '');
          }}
          onSilence={(alertName) => {
            setSilencePrefill(newSilence([{ name: 'alertname', value: alertName }]));
            document.getElementById('silences')?.scrollIntoView({ block: 'start' });
          }}
        />
      )}
      <AlertList
        status={status}
        severity={severity}
        selected={selected}
        detailHref={(alertId) => link('alert', alertId)}
      />
      <Panel title="Rules">
        <RuleList manageReason={adminReason} />
      </Panel>
      <div id="silences">
        <Panel title="Silences">
          <SilenceList
            manageReason={adminReason}
            prefill={silencePrefill}
            onPrefillUsed={() => {
              setSilencePrefill(null);
            }}
          />
        </Panel>
      </div>
      <Panel title="Notification channels">
        <ChannelList readReason={viewer.reason('OPERATOR')} adminReason={adminReason} />
      </Panel>
    </div>
  );
}
