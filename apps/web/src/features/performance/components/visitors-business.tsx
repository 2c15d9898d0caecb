import { formatDuration } from '@taurine/units';
import { useId } from 'react';
import { useQuery } from 'urql';
import type { StatsWindow } from '../../../gql/graphql.ts';
import { formatDecimal, formatUsdAmount } from '../../../lib/number-format.ts';
import { VisitorsBusinessQuery } from '../api/visitors-business.ts';
import { TagBreakdown } from './tag-breakdown.tsx';

interface Figure {
  id: string;
  label: string;
  value: string | null;
  note: string;
}

const count = (value: number | null | undefined) =>
  value == null ? null : formatDecimal(value, 0);

/**
 * "Visitors & business": page views, sessions, feature uses, affiliate clicks, earnings and cost
 * per acquisition over the page's window, from the SPA's anonymous analytics beacons and the
 * calculator's events. "No data" where nothing was recorded (never a made-up 0).
 */
export function VisitorsBusiness({ window }: { window: StatsWindow }) {
  const id = useId();
  const [{ data, error }] = useQuery({ query: VisitorsBusinessQuery, variables: { window } });
  const sessions = data?.sessionDuration;
  const figures: Figure[] = [
    {
      id: 'page-views',
      label: 'Page views',
      value: count(data?.pageViews.sum),
      note: 'all routes',
    },
    {
      id: 'sessions',
      label: 'Sessions ended',
      value: sessions && sessions.count > 0 ? count(sessions.count) : null,
      note: 'a tab closed or 30 min idle',
    },
    {
      id: 'session-duration',
      label: 'Session duration',
      value: sessions?.avg == null ? null : formatDuration(sessions.avg),
      note: 'average',
    },
    {
      id: 'pages-per-session',
      label: 'Pages per session',
      value: data?.pagesPerSession.avg == null ? null : formatDecimal(data.pagesPerSession.avg, 1),
      note: 'average',
    },
    {
      id: 'feature-uses',
      label: 'Feature uses',
      value: count(data?.featureUses.sum),
      note: 'calculator actions, filters, presets',
    },
    {
      id: 'affiliate-clicks',
      label: 'Affiliate clicks',
      value: count(data?.affiliateClicks.sum),
      note: '"Buy" links followed',
    },
    {
      id: 'affiliate-earnings',
      label: 'Affiliate earnings',
      value:
        data?.affiliateEarnings.sum == null ? null : formatUsdAmount(data.affiliateEarnings.sum),
      note: 'estimated commission',
    },
    {
      id: 'cost-per-acquisition',
      label: 'Cost per acquisition',
      value:
        data?.costPerAcquisition.last == null
          ? null
          : formatUsdAmount(data.costPerAcquisition.last),
      note: 'spend per affiliate click',
    },
  ];

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="visitors-business">
      <h2 id={`${id}-title`} className="panel__title">
        Visitors &amp; business
      </h2>
      {error ? (
        <p className="notice notice--error" role="alert">
          Could not load the visitor and business figures.
        </p>
      ) : (
        <dl className="business-figures">
          {figures.map((figure) => (
            <div key={figure.id} className="business-figure" data-testid={`figure-${figure.id}`}>
              <dt>{figure.label}</dt>
              <dd className="business-figure__value">{figure.value ?? 'No data'}</dd>
              <dd className="muted business-figure__note">{figure.note}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="business-breakdowns">
        <TagBreakdown metric="visitor.pageViews" tagKey="route" label="Route" window={window} />
        <TagBreakdown metric="feature.usage" tagKey="feature" label="Feature" window={window} />
      </div>
      <p className="muted performance__note">
        Counted from anonymous per-tab beacons (no cookies, nothing personal) and the calculator’s
        events; earnings value each click at its supplier’s commission on one pack.
      </p>
    </section>
  );
}
