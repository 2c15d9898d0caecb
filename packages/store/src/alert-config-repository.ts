import type { Kysely, Selectable } from 'kysely';
import type { AlertRule, Silence, SilenceMatcher } from '@taurine/monitor';
import { alertingDb, fromFlag, toFlag } from './alerting-tables.ts';
import type {
  AlertingDatabase,
  NotificationChannelTable,
  SilenceTable,
} from './alerting-tables.ts';
import type { Database } from './database.ts';
import { StoreError } from './errors.ts';
import { assertEpochMs } from './validation.ts';

/** Who manages a stored channel: GraphQL (`api`) or the environment (`env`, read-only config). */
export type ChannelSource = 'api' | 'env';

/**
 * A stored notification channel. `config` holds the channel's options including secrets; it must
 * be redacted before it leaves the server.
 */
export interface StoredChannel {
  id: string;
  name: string;
  type: string;
  config: Record<string, unknown>;
  enabled: boolean;
  source: ChannelSource;
  createdAt: number;
  updatedAt: number;
}

/** A stored silence with its bookkeeping times. */
export interface StoredSilence extends Silence {
  createdAt: number;
  updatedAt: number;
}

/** Result of a write that can collide with a unique name. */
export type ChannelWriteResult =
  | { ok: true; channel: StoredChannel }
  | { ok: false; code: 'name-taken' | 'not-found'; message: string };

/** Alert rules, silences and notification channels. */
export interface AlertConfigRepository {
  /** Every rule, by id. */
  listRules(): Promise<AlertRule[]>;
  getRule(id: string): Promise<AlertRule | undefined>;
  /** Inserts or replaces a rule (by id). */
  saveRule(rule: AlertRule, at: number): Promise<void>;
  /** Deletes a rule; resolves to whether it existed. */
  deleteRule(id: string): Promise<boolean>;
  /**
   * Inserts the rules that are not stored yet (by id) and leaves stored ones alone, so edits to a
   * built-in rule survive restarts while rules added in a release appear. Resolves to the ids
   * inserted.
   */
  seedRules(rules: readonly AlertRule[], at: number): Promise<string[]>;

  /** Every silence, by start time. */
  listSilences(): Promise<StoredSilence[]>;
  getSilence(id: string): Promise<StoredSilence | undefined>;
  /** Inserts or replaces a silence (by id); `createdAt` is kept on replace. */
  saveSilence(silence: Silence, at: number): Promise<StoredSilence>;
  deleteSilence(id: string): Promise<boolean>;

  /** Every channel, by name. */
  listChannels(): Promise<StoredChannel[]>;
  getChannel(id: string): Promise<StoredChannel | undefined>;
  /** Inserts a channel; `name-taken` when another channel has its name. */
  createChannel(channel: StoredChannel): Promise<ChannelWriteResult>;
  /** Replaces name, config and enabled of a channel. */
  updateChannel(
    id: string,
    changes: Pick<StoredChannel, 'name' | 'config' | 'enabled' | 'updatedAt'>,
  ): Promise<ChannelWriteResult>;
  deleteChannel(id: string): Promise<boolean>;
}

/** The Kysely implementation of {@link AlertConfigRepository}, for SQLite and PostgreSQL. */
export function createAlertConfigRepository(db: Kysely<Database>): AlertConfigRepository {
  const adb = alertingDb(db);
  return { ...ruleMethods(adb), ...silenceMethods(adb), ...channelMethods(adb) };
}

type RuleMethods = Pick<
  AlertConfigRepository,
  'listRules' | 'getRule' | 'saveRule' | 'deleteRule' | 'seedRules'
>;
type SilenceMethods = Pick<
  AlertConfigRepository,
  'listSilences' | 'getSilence' | 'saveSilence' | 'deleteSilence'
>;
type ChannelMethods = Pick<
  AlertConfigRepository,
  'listChannels' | 'getChannel' | 'createChannel' | 'updateChannel' | 'deleteChannel'
>;

/** The alert rules' part of the repository. */
function ruleMethods(adb: Kysely<AlertingDatabase>): RuleMethods {
  return {
    async listRules() {
      const rows = await adb.selectFrom('alert_rules').select('rule').orderBy('id').execute();
      return rows.map((row) => JSON.parse(row.rule) as AlertRule);
    },

    async getRule(id) {
      const row = await adb
        .selectFrom('alert_rules')
        .select('rule')
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.rule) as AlertRule);
    },

    async saveRule(rule, at) {
      assertEpochMs(at, 'at');
      await adb
        .insertInto('alert_rules')
        .values(ruleRow(rule, at))
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((eb) => ({
            rule: eb.ref('excluded.rule'),
            enabled: eb.ref('excluded.enabled'),
            built_in: eb.ref('excluded.built_in'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },

    async deleteRule(id) {
      const result = await adb.deleteFrom('alert_rules').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async seedRules(rules, at) {
      assertEpochMs(at, 'at');
      if (rules.length === 0) return [];
      return adb.transaction().execute(async (trx) => {
        const inserted: string[] = [];
        for (const rule of rules) {
          const result = await trx
            .insertInto('alert_rules')
            .values(ruleRow(rule, at))
            .onConflict((conflict) => conflict.column('id').doNothing())
            .executeTakeFirst();
          if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) inserted.push(rule.id);
        }
        return inserted;
      });
    },
  };
}

/** The silences' part of the repository. */
function silenceMethods(adb: Kysely<AlertingDatabase>): SilenceMethods {
  const methods: SilenceMethods = {
    async listSilences() {
      const rows = await adb
        .selectFrom('silences')
        .selectAll()
        .orderBy('starts_at')
        .orderBy('id')
        .execute();
      return rows.map(toSilence);
    },

    async getSilence(id) {
      const row = await adb
        .selectFrom('silences')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toSilence(row);
    },

    async saveSilence(silence, at) {
      assertEpochMs(at, 'at');
      assertEpochMs(silence.startsAt, 'startsAt');
      assertEpochMs(silence.endsAt, 'endsAt');
      await adb
        .insertInto('silences')
        .values({
          id: silence.id,
          matchers: JSON.stringify(silence.matchers),
          starts_at: silence.startsAt,
          ends_at: silence.endsAt,
          comment: silence.comment,
          created_by: silence.createdBy,
          created_at: at,
          updated_at: at,
        })
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((eb) => ({
            matchers: eb.ref('excluded.matchers'),
            starts_at: eb.ref('excluded.starts_at'),
            ends_at: eb.ref('excluded.ends_at'),
            comment: eb.ref('excluded.comment'),
            created_by: eb.ref('excluded.created_by'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
      const stored = await methods.getSilence(silence.id);
      if (stored === undefined) {
        throw new StoreError('INVALID_ARGUMENT', `silence "${silence.id}" was not stored`);
      }
      return stored;
    },

    async deleteSilence(id) {
      const result = await adb.deleteFrom('silences').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
  return methods;
}

/** The notification channels' part of the repository; channel names are unique. */
function channelMethods(adb: Kysely<AlertingDatabase>): ChannelMethods {
  const nameTaken = async (name: string, exceptId?: string): Promise<boolean> => {
    let query = adb.selectFrom('notification_channels').select('id').where('name', '=', name);
    if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  };
  const taken = (name: string): ChannelWriteResult => ({
    ok: false,
    code: 'name-taken',
    message: `a channel named "${name}" already exists`,
  });

  const methods: ChannelMethods = {
    async listChannels() {
      const rows = await adb
        .selectFrom('notification_channels')
        .selectAll()
        .orderBy('name')
        .execute();
      return rows.map(toChannel);
    },

    async getChannel(id) {
      const row = await adb
        .selectFrom('notification_channels')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toChannel(row);
    },

    async createChannel(channel) {
      assertEpochMs(channel.createdAt, 'createdAt');
      assertEpochMs(channel.updatedAt, 'updatedAt');
      if (await nameTaken(channel.name)) return taken(channel.name);
      // A concurrent insert of the same name loses on the unique index: report it the same way.
      const result = await adb
        .insertInto('notification_channels')
        .values({
          id: channel.id,
          name: channel.name,
          type: channel.type,
          config: JSON.stringify(channel.config),
          enabled: toFlag(channel.enabled),
          source: channel.source,
          created_at: channel.createdAt,
          updated_at: channel.updatedAt,
        })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return taken(channel.name);
      return { ok: true, channel: { ...channel, config: structuredClone(channel.config) } };
    },

    async updateChannel(id, changes) {
      assertEpochMs(changes.updatedAt, 'updatedAt');
      if (await nameTaken(changes.name, id)) return taken(changes.name);
      const result = await adb
        .updateTable('notification_channels')
        .set({
          name: changes.name,
          config: JSON.stringify(changes.config),
          enabled: toFlag(changes.enabled),
          updated_at: changes.updatedAt,
        })
        .where('id', '=', id)
        .executeTakeFirst();
      const stored = Number(result.numUpdatedRows) > 0 ? await methods.getChannel(id) : undefined;
      if (stored === undefined) {
        return { ok: false, code: 'not-found', message: `no channel with id "${id}"` };
      }
      return { ok: true, channel: stored };
    },

    async deleteChannel(id) {
      const result = await adb
        .deleteFrom('notification_channels')
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
  return methods;
}

function ruleRow(rule: AlertRule, at: number) {
  return {
    id: rule.id,
    rule: JSON.stringify(rule),
    enabled: toFlag(rule.enabled),
    built_in: toFlag(rule.builtIn),
    updated_at: at,
  };
}

function toSilence(row: Selectable<SilenceTable>): StoredSilence {
  return {
    id: row.id,
    matchers: JSON.parse(row.matchers) as SilenceMatcher[],
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    comment: row.comment,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toChannel(row: Selectable<NotificationChannelTable>): StoredChannel {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    config: JSON.parse(row.config) as Record<string, unknown>,
    enabled: fromFlag(row.enabled),
    source: row.source === 'env' ? 'env' : 'api',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
