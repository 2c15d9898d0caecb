import { randomUUID } from 'node:crypto';
import { CHANNEL_TYPES } from '@taurine/monitor';
import type { ChannelType } from '@taurine/monitor';
import type { Clock, NotificationChannel } from '@taurine/notify';
import type { Store, StoredChannel } from '@taurine/store';
import { invalid, notFound, succeeded } from './alerting-results.ts';
import type { AlertingResult, FieldProblem } from './alerting-results.ts';
import {
  buildChannel,
  checkChannelSettings,
  pickSettings,
  redactSettings,
} from './channel-config.ts';
import type { ChannelSettings, ShownSetting } from './channel-config.ts';
import { ENV_CHANNEL_PREFIX, envChannels } from './channel-env.ts';
import type { AlertChannelEnv, EnvChannel } from './channel-env.ts';

/** A channel as API clients see it: secrets masked. */
export interface ChannelView {
  id: string;
  name: string;
  type: ChannelType;
  enabled: boolean;
  /** `env`: configured by environment variables (settings read-only); `api`: managed here. */
  source: 'env' | 'api';
  settings: ShownSetting[];
  createdAt: number;
  updatedAt: number;
}

/** Input of a new channel. */
export interface ChannelInput extends ChannelSettings {
  name: string;
  type: ChannelType;
  /** @default true */
  enabled?: boolean | undefined;
}

/** Changes to a channel; omitted settings keep their value, `''` clears an optional one. */
export interface ChannelPatch extends ChannelSettings {
  name?: string | undefined;
  enabled?: boolean | undefined;
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Stored channels, their running `@taurine/notify` instances, and routing by type. */
export interface ChannelManager {
  /**
   * Running channels by name, for the dispatcher. Mutated in place when channels change; holds
   * disabled channels too, so what was queued before a channel was disabled is still delivered.
   */
  readonly runtime: Map<string, NotificationChannel>;
  /** Stores the env channels (without secrets), drops env channels no longer configured. */
  materialiseEnv(now: number): Promise<void>;
  /** Reloads channels from the store and rebuilds the running ones whose settings changed. */
  refresh(): Promise<void>;
  /** Enabled channels whose type is in `types`: where a notification goes. */
  route(types: readonly ChannelType[]): StoredChannel[];
  list(): ChannelView[];
  get(id: string): StoredChannel | undefined;
  create(input: ChannelInput, now: number): Promise<AlertingResult<ChannelView>>;
  update(id: string, patch: ChannelPatch, now: number): Promise<AlertingResult<ChannelView>>;
  remove(id: string): Promise<AlertingResult<{ id: string }>>;
}

/** What is wrong with a channel name: its format, or a prefix reserved for env channels. */
function nameProblems(name: string): FieldProblem[] {
  if (!NAME_PATTERN.test(name)) {
    return [
      {
        field: 'name',
        code: 'invalid-format',
        message:
          'name must be 1-100 letters, digits, ".", "_" or "-", starting with a letter or digit',
      },
    ];
  }
  if (name.startsWith(ENV_CHANNEL_PREFIX)) {
    return [
      {
        field: 'name',
        code: 'reserved-name',
        message: `names starting with "${ENV_CHANNEL_PREFIX}" are reserved for channels from the environment`,
      },
    ];
  }
  return [];
}

const nameTaken = (name: string): AlertingResult<never> =>
  invalid([{ field: 'name', code: 'taken', message: `a channel named "${name}" already exists` }]);

const envChannelNotRemovable = (): AlertingResult<never> =>
  invalid([
    {
      field: 'id',
      code: 'read-only',
      message: 'channels from environment variables are removed by unsetting the variable',
    },
  ]);

/** A stored channel as API clients see it, its `settings` masked. */
function channelView(row: StoredChannel, settings: ChannelSettings): ChannelView {
  return {
    id: row.id,
    name: row.name,
    type: row.type as ChannelType,
    enabled: row.enabled,
    source: row.source,
    settings: redactSettings(row.type as ChannelType, settings),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What is stored of an env channel: its masked settings only, the secrets stay in the environment. */
function maskedConfig(channel: EnvChannel): Record<string, unknown> {
  return Object.fromEntries(
    redactSettings(channel.type, channel.settings).map(({ name, value }) => [name, value]),
  );
}

/** Writes the env channels into the store (masked) and deletes the env rows no longer configured. */
async function storeEnvChannels(
  store: Store,
  fromEnv: ReadonlyMap<string, EnvChannel>,
  createId: () => string,
  now: number,
): Promise<void> {
  const stored = await store.alertConfig.listChannels();
  for (const row of stored) {
    if (row.source === 'env' && !fromEnv.has(row.name)) {
      await store.alertConfig.deleteChannel(row.id);
    }
  }
  for (const channel of fromEnv.values()) {
    const config = maskedConfig(channel);
    const existing = stored.find((row) => row.name === channel.name);
    if (existing === undefined) {
      await store.alertConfig.createChannel({
        id: createId(),
        name: channel.name,
        type: channel.type,
        config,
        enabled: true,
        source: 'env',
        createdAt: now,
        updatedAt: now,
      });
    } else if (JSON.stringify(existing.config) !== JSON.stringify(config)) {
      await store.alertConfig.updateChannel(existing.id, {
        name: existing.name,
        config,
        enabled: existing.enabled,
        updatedAt: now,
      });
    }
  }
}

/** A channel's name and settings once checked, ready to be written. */
interface CheckedChannel {
  name: string;
  settings: ChannelSettings;
}

/** Checks a new channel: its name, its type and the settings of that type. */
function checkNewChannel(input: ChannelInput, clock: Clock): AlertingResult<CheckedChannel> {
  const name = input.name.trim();
  const problems = nameProblems(name);
  if (!(CHANNEL_TYPES as readonly string[]).includes(input.type)) {
    problems.push({ field: 'type', code: 'invalid', message: 'unknown channel type' });
    return invalid(problems);
  }
  const settings = pickSettings(input.type, input);
  problems.push(...checkChannelSettings(name, input.type, settings, { clock }));
  return problems.length > 0 ? invalid(problems) : succeeded({ name, settings });
}

/**
 * Checks `patch` against the channel in `row`: env channels may only be enabled or disabled; an API
 * channel's patched settings are merged over its stored ones and checked as a whole.
 */
function checkChannelPatch(
  row: StoredChannel,
  patch: ChannelPatch,
  clock: Clock,
): AlertingResult<CheckedChannel> {
  const type = row.type as ChannelType;
  const settingsChanged = Object.entries(pickSettings(type, patch)).length > 0;
  const name = patch.name?.trim() ?? row.name;
  if (row.source === 'env') {
    if (!settingsChanged && name === row.name) return succeeded({ name, settings: row.config });
    return invalid([
      {
        field: settingsChanged ? 'settings' : 'name',
        code: 'read-only',
        message: 'channels from environment variables can only be enabled or disabled',
      },
    ]);
  }
  const problems = name === row.name ? [] : nameProblems(name);
  const merged: ChannelSettings = { ...(row.config as ChannelSettings) };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key !== 'name' && key !== 'enabled') {
      (merged as Record<string, unknown>)[key] = value;
    }
  }
  const settings = pickSettings(type, merged);
  problems.push(...checkChannelSettings(name, type, settings, { clock }));
  return problems.length > 0 ? invalid(problems) : succeeded({ name, settings });
}

/** The running channels by name, and the settings each was built from. */
interface RunningChannels {
  readonly runtime: Map<string, NotificationChannel>;
  /** `[type, settings]` as JSON per name: a channel is rebuilt only when this changes. */
  readonly signatures: Map<string, string>;
}

/**
 * Brings the running channels in line with `rows`: drops those no longer stored and builds those
 * whose type or settings changed. `settingsOf` gives a row's settings with their secrets.
 */
function syncRunningChannels(
  running: RunningChannels,
  rows: readonly StoredChannel[],
  settingsOf: (row: StoredChannel) => ChannelSettings | undefined,
  clock: Clock,
): void {
  const { runtime, signatures } = running;
  const names = new Set(rows.map((row) => row.name));
  for (const name of [...runtime.keys()]) {
    if (!names.has(name)) {
      runtime.delete(name);
      signatures.delete(name);
    }
  }
  for (const row of rows) {
    const settings = settingsOf(row);
    if (settings === undefined) continue;
    const signature = JSON.stringify([row.type, settings]);
    if (signatures.get(row.name) === signature) continue;
    try {
      runtime.set(row.name, buildChannel(row.name, row.type as ChannelType, settings, { clock }));
      signatures.set(row.name, signature);
    } catch {
      // Stored settings were checked when written; a channel that no longer builds is skipped
      // and its queued items fail with "no channel named …" rather than crash the service.
      runtime.delete(row.name);
      signatures.delete(row.name);
    }
  }
}

/** Creates the channel manager over the store's `notification_channels`. */
export function createChannelManager(options: {
  store: Store;
  clock: Clock;
  env: AlertChannelEnv;
  createId?: () => string;
}): ChannelManager {
  const { store, clock } = options;
  const createId = options.createId ?? randomUUID;
  const fromEnv = new Map<string, EnvChannel>(envChannels(options.env).map((c) => [c.name, c]));
  const running: RunningChannels = { runtime: new Map(), signatures: new Map() };
  let rows: StoredChannel[] = [];

  const settingsOf = (row: StoredChannel): ChannelSettings | undefined =>
    row.source === 'env' ? fromEnv.get(row.name)?.settings : row.config;
  const view = (row: StoredChannel): ChannelView => channelView(row, settingsOf(row) ?? {});
  const findRow = (id: string): StoredChannel | undefined => rows.find((row) => row.id === id);

  const refresh = async (): Promise<void> => {
    rows = await store.alertConfig.listChannels();
    syncRunningChannels(running, rows, settingsOf, clock);
  };

  return {
    runtime: running.runtime,

    async materialiseEnv(now) {
      await storeEnvChannels(store, fromEnv, createId, now);
      await refresh();
    },

    refresh,

    route(types) {
      return rows.filter(
        (row) =>
          row.enabled && types.includes(row.type as ChannelType) && running.runtime.has(row.name),
      );
    },

    list: () => rows.map(view),

    get: findRow,

    async create(input, now) {
      const checked = checkNewChannel(input, clock);
      if (!checked.ok) return checked;
      const { name, settings } = checked.value;
      const written = await store.alertConfig.createChannel({
        id: createId(),
        name,
        type: input.type,
        config: settings as Record<string, unknown>,
        enabled: input.enabled ?? true,
        source: 'api',
        createdAt: now,
        updatedAt: now,
      });
      if (!written.ok) return nameTaken(name);
      await refresh();
      return succeeded(view(written.channel));
    },

    async update(id, patch, now) {
      await refresh();
      const row = findRow(id);
      if (row === undefined) return notFound('notification channel', id);
      const checked = checkChannelPatch(row, patch, clock);
      if (!checked.ok) return checked;
      const { name, settings } = checked.value;
      const written = await store.alertConfig.updateChannel(id, {
        name,
        config: settings as Record<string, unknown>,
        enabled: patch.enabled ?? row.enabled,
        updatedAt: now,
      });
      if (!written.ok) {
        return written.code === 'not-found'
          ? notFound('notification channel', id)
          : nameTaken(name);
      }
      await refresh();
      return succeeded(view(written.channel));
    },

    async remove(id) {
      await refresh();
      const row = findRow(id);
      if (row === undefined) return notFound('notification channel', id);
      if (row.source === 'env') return envChannelNotRemovable();
      await store.alertConfig.deleteChannel(id);
      await refresh();
      return succeeded({ id });
    },
  };
}
