import type { ChannelType } from '@taurine/monitor';
import { systemClock } from '@taurine/notify';
import { checkChannelSettings } from './channel-config.ts';
import type { ChannelSettings } from './channel-config.ts';

/**
 * Channels configured by environment variables (all optional). Each set variable becomes a
 * channel named `env-<type>`: `SLACK_WEBHOOK_URL` → `env-slack`, `PAGERDUTY_ROUTING_KEY` →
 * `env-pagerduty`, `SMTP_URL` + `ALERT_EMAIL_TO` → `env-email`, `ALERT_WEBHOOK_URL` →
 * `env-webhook`.
 */
export interface AlertChannelEnv {
  slackWebhookUrl?: string | undefined;
  pagerDutyRoutingKey?: string | undefined;
  /** `PAGERDUTY_EVENTS_URL`: another Events API v2 endpoint (tests, proxies). */
  pagerDutyEndpoint?: string | undefined;
  smtpUrl?: string | undefined;
  /** Comma-separated recipients; required with `smtpUrl`. */
  alertEmailTo?: string | undefined;
  /** `ALERT_EMAIL_FROM`. @default DEFAULT_ALERT_EMAIL_FROM */
  alertEmailFrom?: string | undefined;
  alertWebhookUrl?: string | undefined;
  /** `ALERT_WEBHOOK_SECRET`: HMAC key signing the env webhook's requests. */
  alertWebhookSecret?: string | undefined;
  /**
   * Public URL of the SPA (`PUBLIC_URL`, or the older `DASHBOARD_URL`); notifications link to
   * `<base>/alerts?alert=<fingerprint>`, a trailing page such as `/monitoring` ignored (see
   * `spaBaseUrl`).
   */
  dashboardUrl: string;
}

/** Prefix of the names of channels from the environment; API channels may not use it. */
export const ENV_CHANNEL_PREFIX = 'env-';

/** A channel the environment asks for. */
export interface EnvChannel {
  name: string;
  type: ChannelType;
  settings: ChannelSettings;
}

const clean = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** The channels `env` configures (unchecked; see {@link checkAlertChannelEnv}). */
export function envChannels(env: AlertChannelEnv): EnvChannel[] {
  const channels: EnvChannel[] = [];
  const slack = clean(env.slackWebhookUrl);
  if (slack !== undefined) {
    channels.push({ name: 'env-slack', type: 'slack', settings: { webhookUrl: slack } });
  }
  const routingKey = clean(env.pagerDutyRoutingKey);
  if (routingKey !== undefined) {
    const endpoint = clean(env.pagerDutyEndpoint);
    channels.push({
      name: 'env-pagerduty',
      type: 'pagerduty',
      settings: { routingKey, ...(endpoint === undefined ? {} : { endpoint }) },
    });
  }
  const smtpUrl = clean(env.smtpUrl);
  if (smtpUrl !== undefined) {
    const to = (env.alertEmailTo ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== '');
    const from = clean(env.alertEmailFrom);
    channels.push({
      name: 'env-email',
      type: 'email',
      settings: { smtpUrl, to, ...(from === undefined ? {} : { from }) },
    });
  }
  const webhook = clean(env.alertWebhookUrl);
  if (webhook !== undefined) {
    const secret = clean(env.alertWebhookSecret);
    channels.push({
      name: 'env-webhook',
      type: 'webhook',
      settings: { url: webhook, ...(secret === undefined ? {} : { secret }) },
    });
  }
  return channels;
}

const VARIABLES: Readonly<Record<ChannelType, Readonly<Record<string, string>>>> = {
  slack: { webhookUrl: 'SLACK_WEBHOOK_URL' },
  pagerduty: { routingKey: 'PAGERDUTY_ROUTING_KEY', endpoint: 'PAGERDUTY_EVENTS_URL' },
  email: { smtpUrl: 'SMTP_URL', to: 'ALERT_EMAIL_TO', from: 'ALERT_EMAIL_FROM' },
  webhook: { url: 'ALERT_WEBHOOK_URL', secret: 'ALERT_WEBHOOK_SECRET' },
};

/**
 * Problems with the channel variables, one message per variable, never quoting a value (they
 * hold secrets). Empty when everything is usable. Call it from config loading to fail at start.
 */
export function checkAlertChannelEnv(env: AlertChannelEnv): string[] {
  const problems: string[] = [];
  if (clean(env.alertEmailTo) !== undefined && clean(env.smtpUrl) === undefined) {
    problems.push('ALERT_EMAIL_TO is set but SMTP_URL is not: both are needed for email alerts');
  }
  let protocol: string | null = null;
  try {
    protocol = new URL(env.dashboardUrl).protocol;
  } catch {
    // Reported below.
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    problems.push(
      'PUBLIC_URL (or DASHBOARD_URL) must be an absolute http:// or https:// URL, e.g. https://taurine.example.com',
    );
  }
  for (const channel of envChannels(env)) {
    const variables = VARIABLES[channel.type];
    for (const problem of checkChannelSettings(channel.name, channel.type, channel.settings, {
      clock: systemClock,
    })) {
      const setting = problem.field.replace(/^settings\./, '').split('.')[0] ?? '';
      const variable = variables[setting] ?? Object.values(variables)[0] ?? channel.name;
      problems.push(`${variable}: ${problem.message}`);
    }
  }
  return problems;
}

/**
 * Reads the channel variables from an environment (`process.env`), for `loadConfig`:
 * `SLACK_WEBHOOK_URL`, `PAGERDUTY_ROUTING_KEY`, `PAGERDUTY_EVENTS_URL`, `SMTP_URL`,
 * `ALERT_EMAIL_TO`, `ALERT_EMAIL_FROM`, `ALERT_WEBHOOK_URL`, `ALERT_WEBHOOK_SECRET`, and
 * `PUBLIC_URL` (`DASHBOARD_URL` is its older name; default `fallbackDashboardUrl`).
 */
export function readAlertChannelEnv(
  env: Readonly<Record<string, string | undefined>>,
  fallbackDashboardUrl: string,
): AlertChannelEnv {
  return {
    slackWebhookUrl: clean(env.SLACK_WEBHOOK_URL),
    pagerDutyRoutingKey: clean(env.PAGERDUTY_ROUTING_KEY),
    pagerDutyEndpoint: clean(env.PAGERDUTY_EVENTS_URL),
    smtpUrl: clean(env.SMTP_URL),
    alertEmailTo: clean(env.ALERT_EMAIL_TO),
    alertEmailFrom: clean(env.ALERT_EMAIL_FROM),
    alertWebhookUrl: clean(env.ALERT_WEBHOOK_URL),
    alertWebhookSecret: clean(env.ALERT_WEBHOOK_SECRET),
    dashboardUrl: clean(env.PUBLIC_URL) ?? clean(env.DASHBOARD_URL) ?? fallbackDashboardUrl,
  };
}
