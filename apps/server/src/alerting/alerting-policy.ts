import { ALERT_SEVERITIES, SEVERITY_POLICY } from '@taurine/monitor';
import type { ChannelType, SeverityPolicy, SeverityPolicyOverrides } from '@taurine/monitor';

const withWebhook = (channels: readonly ChannelType[]): ChannelType[] =>
  channels.includes('webhook') ? [...channels] : [...channels, 'webhook'];

/**
 * The server's severity policy, merged over `SEVERITY_POLICY`: the house policy for the human
 * channels (PagerDuty, Slack, email by severity, escalating to wider audiences), plus the generic
 * webhook at every level. A webhook is a machine integration (a ticketing system, a chat bridge,
 * an incident log) that expects the whole stream, like an Alertmanager webhook receiver: pointing
 * `ALERT_WEBHOOK_URL` somewhere must show firing, repeats, escalations and resolutions there.
 * Pass `policy` to the service to choose otherwise.
 */
export const ALERTING_POLICY: SeverityPolicyOverrides = Object.fromEntries(
  ALERT_SEVERITIES.map((severity) => {
    const base = SEVERITY_POLICY[severity];
    const policy: Partial<SeverityPolicy> = {
      channels: withWebhook(base.channels),
      escalationLevels: base.escalationLevels.map((level) => ({
        channels: withWebhook(level.channels),
      })),
    };
    return [severity, policy];
  }),
);
