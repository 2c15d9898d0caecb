import type { ChannelType } from '@taurine/monitor';
import {
  NotifyError,
  createEmailChannel,
  createPagerDutyChannel,
  createSlackChannel,
  createWebhookChannel,
} from '@taurine/notify';
import type { Clock, NotificationChannel } from '@taurine/notify';
import type { FieldProblem } from './alerting-results.ts';

/**
 * Settings of a notification channel, as entered through GraphQL. Each type reads its own:
 * Slack `webhookUrl`; PagerDuty `routingKey` (+ `endpoint`, `source`); email `smtpUrl`, `from`,
 * `to`; webhook `url` (+ `secret`, `headers`, `retryPolicy`).
 */
export interface ChannelSettings {
  webhookUrl?: string | undefined;
  routingKey?: string | undefined;
  endpoint?: string | undefined;
  source?: string | undefined;
  smtpUrl?: string | undefined;
  from?: string | undefined;
  to?: readonly string[] | undefined;
  url?: string | undefined;
  secret?: string | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  retryPolicy?: { maxRetries: number; backoffMs: number } | undefined;
}

/** The settings each channel type keeps, and which of them are secrets. */
export const CHANNEL_SETTING_FIELDS: Readonly<
  Record<ChannelType, readonly { name: keyof ChannelSettings; secret: boolean }[]>
> = {
  slack: [{ name: 'webhookUrl', secret: true }],
  pagerduty: [
    { name: 'routingKey', secret: true },
    { name: 'endpoint', secret: false },
    { name: 'source', secret: false },
  ],
  email: [
    { name: 'smtpUrl', secret: true },
    { name: 'from', secret: false },
    { name: 'to', secret: false },
  ],
  webhook: [
    { name: 'url', secret: true },
    { name: 'secret', secret: true },
    { name: 'headers', secret: true },
    { name: 'retryPolicy', secret: false },
  ],
};

/** What replaces a secret when a channel is shown. */
export const SECRET_MASK = '••••';

/** The default sender of alert emails when none is configured. */
export const DEFAULT_ALERT_EMAIL_FROM = 'Taurine Alerts <alerts@taurine.invalid>';

/** Keeps only the settings `type` uses, dropping empty values. */
export function pickSettings(type: ChannelType, settings: ChannelSettings): ChannelSettings {
  const picked: Record<string, unknown> = {};
  for (const { name } of CHANNEL_SETTING_FIELDS[type]) {
    const value = settings[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

/** What building a runtime channel needs besides its settings. */
export interface ChannelDependencies {
  clock: Clock;
}

/**
 * Builds the `@taurine/notify` channel for stored settings.
 *
 * @throws NotifyError `INVALID_OPTIONS` when a setting is invalid (the message never quotes a secret).
 */
export function buildChannel(
  name: string,
  type: ChannelType,
  settings: ChannelSettings,
  { clock }: ChannelDependencies,
): NotificationChannel {
  switch (type) {
    case 'slack':
      return createSlackChannel({ name, webhookUrl: settings.webhookUrl ?? '', clock });
    case 'pagerduty':
      return createPagerDutyChannel({
        name,
        routingKey: settings.routingKey ?? '',
        ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
        ...(settings.source === undefined ? {} : { source: settings.source }),
        clock,
      });
    case 'email':
      return createEmailChannel({
        name,
        smtpUrl: settings.smtpUrl ?? '',
        from: settings.from ?? DEFAULT_ALERT_EMAIL_FROM,
        to: settings.to ?? [],
      });
    case 'webhook':
      return createWebhookChannel({
        name,
        url: settings.url ?? '',
        ...(settings.secret === undefined ? {} : { secret: settings.secret }),
        ...(settings.headers === undefined ? {} : { headers: { ...settings.headers } }),
        ...(settings.retryPolicy === undefined ? {} : { retryPolicy: { ...settings.retryPolicy } }),
        clock,
      });
  }
}

/**
 * Checks settings by building the channel: the notify package owns the rules. Returns the field
 * problems instead of throwing; messages name the field, never its value.
 */
export function checkChannelSettings(
  name: string,
  type: ChannelType,
  settings: ChannelSettings,
  dependencies: ChannelDependencies,
): FieldProblem[] {
  try {
    buildChannel(name, type, settings, dependencies);
    return [];
  } catch (error) {
    if (!(error instanceof NotifyError)) throw error;
    // Messages are `createXChannel: <field> must …`.
    const message = error.message.replace(/^create\w+Channel: /, '');
    const field = /^([A-Za-z.[\]]+)/.exec(message)?.[1]?.replace(/\[\]$/, '') ?? 'settings';
    return [{ field: `settings.${field}`, code: 'invalid', message }];
  }
}

/** One channel setting as shown to API clients: secrets masked. */
export interface ShownSetting {
  name: string;
  value: string;
}

/**
 * The settings of a channel with every secret masked: URLs show only their scheme and host,
 * keys and header values `••••` plus their last 4 characters (only when long enough that 4
 * characters give nothing away).
 */
export function redactSettings(type: ChannelType, settings: ChannelSettings): ShownSetting[] {
  const shown: ShownSetting[] = [];
  for (const { name, secret } of CHANNEL_SETTING_FIELDS[type]) {
    const value = settings[name];
    if (value === undefined) continue;
    shown.push({ name, value: secret ? maskValue(value) : plainValue(value) });
  }
  return shown;
}

/** Masks one secret: a URL keeps its scheme and host, anything else its last 4 characters. */
export function maskSecret(secret: string): string {
  let url: URL | undefined;
  try {
    url = new URL(secret);
  } catch {
    url = undefined;
  }
  if (url !== undefined && url.host !== '') {
    const hasMore = url.username !== '' || url.pathname.length > 1 || url.search !== '';
    return `${url.protocol}//${url.host}${hasMore ? `/${SECRET_MASK}` : ''}`;
  }
  return secret.length >= 12 ? `${SECRET_MASK}${secret.slice(-4)}` : SECRET_MASK;
}

function maskValue(value: unknown): string {
  if (typeof value === 'string') return maskSecret(value);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(
        ([key, entry]) => `${key}: ${typeof entry === 'string' ? maskSecret(entry) : SECRET_MASK}`,
      )
      .join(', ');
  }
  return SECRET_MASK;
}

function plainValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, entry]) => `${key}: ${String(entry)}`)
      .join(', ');
  }
  return String(value);
}
