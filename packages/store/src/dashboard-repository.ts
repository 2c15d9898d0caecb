import type { Kysely, Selectable } from 'kysely';
import type { Database } from './database.ts';
import { StoreError } from './errors.ts';
import { assertEpochMs } from './validation.ts';

/** Who may read a dashboard: its owner's key, every key of a role or better, or anyone. */
export const DASHBOARD_VISIBILITIES = ['private', 'role', 'public'] as const;
/** A dashboard's audience (see {@link DASHBOARD_VISIBILITIES}). */
export type DashboardVisibility = (typeof DASHBOARD_VISIBILITIES)[number];

/** Table `dashboards`: the latest version of each dashboard; `document` is its JSON. */
export interface DashboardTable {
  id: string;
  title: string;
  document: string;
  visibility: DashboardVisibility;
  /** The least role that may read it when `visibility` is `role`. */
  role: string | null;
  /** The creating key's id; null for provisioned dashboards. */
  owner_key_id: number | null;
  owner_name: string;
  /** 1 for provisioned dashboards (read-only, can be copied). */
  built_in: number;
  version: number;
  created_at: number;
  updated_at: number;
}

/** Table `dashboard_versions`: every saved version, the current one included. */
export interface DashboardVersionTable {
  dashboard_id: string;
  version: number;
  title: string;
  document: string;
  saved_at: number;
  saved_by: string;
}

/** The tables of migration `011_dashboards`. */
export type DashboardTables = {
  dashboards: DashboardTable;
  dashboard_versions: DashboardVersionTable;
};

/** Who can see a dashboard, as stored. */
export interface DashboardAudience {
  visibility: DashboardVisibility;
  /** Least role when `visibility` is `role`, otherwise null. */
  role: string | null;
}

/** A dashboard to store: its JSON document (already validated by the caller) and metadata. */
export interface NewDashboard extends DashboardAudience {
  id: string;
  title: string;
  /** JSON text. */
  document: string;
  ownerKeyId: number | null;
  ownerName: string;
  builtIn?: boolean | undefined;
  /** Epoch ms. */
  at: number;
}

/** A stored dashboard. */
export interface StoredDashboard extends DashboardAudience {
  id: string;
  title: string;
  /** JSON text. */
  document: string;
  ownerKeyId: number | null;
  ownerName: string;
  builtIn: boolean;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** One saved version of a dashboard. */
export interface StoredDashboardVersion {
  dashboardId: string;
  version: number;
  title: string;
  /** JSON text. */
  document: string;
  savedAt: number;
  savedBy: string;
}

/** A change to a dashboard, saved on top of `expectedVersion`. */
export interface DashboardChange extends DashboardAudience {
  title: string;
  document: string;
  /** The version the caller edited; the save is refused when it is no longer current. */
  expectedVersion: number;
  at: number;
  savedBy: string;
}

/** How an update ended. */
export type DashboardUpdateResult =
  | { kind: 'updated'; dashboard: StoredDashboard }
  | { kind: 'stale'; current: StoredDashboard }
  | { kind: 'not-found' };

/** Stored dashboards and their version history. */
export interface DashboardRepository {
  /** Stores a new dashboard as version 1. @throws the database's error when the id is taken. */
  create(dashboard: NewDashboard): Promise<StoredDashboard>;
  /** The dashboard with this id; undefined when there is none. */
  get(id: string): Promise<StoredDashboard | undefined>;
  /** Every dashboard, provisioned ones first, then by title. */
  list(): Promise<StoredDashboard[]>;
  /**
   * Saves a new version when `expectedVersion` is the current one (compare-and-set in one
   * statement, so two concurrent saves of the same version cannot both win).
   */
  update(id: string, change: DashboardChange): Promise<DashboardUpdateResult>;
  /** Removes a dashboard and its versions; false when there was none. */
  delete(id: string): Promise<boolean>;
  /** The saved versions of a dashboard, newest first. */
  versions(id: string): Promise<StoredDashboardVersion[]>;
  /** One saved version; undefined when there is none. */
  version(id: string, version: number): Promise<StoredDashboardVersion | undefined>;
}

const toDashboard = (row: Selectable<DashboardTable>): StoredDashboard => ({
  id: row.id,
  title: row.title,
  document: row.document,
  visibility: row.visibility,
  role: row.role,
  ownerKeyId: row.owner_key_id,
  ownerName: row.owner_name,
  builtIn: row.built_in !== 0,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toVersion = (row: Selectable<DashboardVersionTable>): StoredDashboardVersion => ({
  dashboardId: row.dashboard_id,
  version: row.version,
  title: row.title,
  document: row.document,
  savedAt: row.saved_at,
  savedBy: row.saved_by,
});

function assertAudience({ visibility, role }: DashboardAudience): void {
  if (!(DASHBOARD_VISIBILITIES as readonly string[]).includes(visibility)) {
    throw new StoreError('INVALID_ARGUMENT', `unknown visibility ${JSON.stringify(visibility)}`);
  }
  if ((visibility === 'role') !== (role !== null)) {
    throw new StoreError('INVALID_ARGUMENT', 'a role is given exactly when visibility is role');
  }
}

type DashboardDb = Kysely<Database & DashboardTables>;

/** Inserts a dashboard and its version 1 in one transaction. */
async function insertDashboard(db: DashboardDb, dashboard: NewDashboard): Promise<void> {
  assertAudience(dashboard);
  assertEpochMs(dashboard.at, 'at');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dashboards')
      .values({
        id: dashboard.id,
        title: dashboard.title,
        document: dashboard.document,
        visibility: dashboard.visibility,
        role: dashboard.role,
        owner_key_id: dashboard.ownerKeyId,
        owner_name: dashboard.ownerName,
        built_in: dashboard.builtIn === true ? 1 : 0,
        version: 1,
        created_at: dashboard.at,
        updated_at: dashboard.at,
      })
      .execute();
    await trx
      .insertInto('dashboard_versions')
      .values({
        dashboard_id: dashboard.id,
        version: 1,
        title: dashboard.title,
        document: dashboard.document,
        saved_at: dashboard.at,
        saved_by: dashboard.ownerName,
      })
      .execute();
  });
}

/**
 * Saves `change` as the next version when the stored version is still `expectedVersion`: the
 * compare-and-set is one UPDATE, so of two saves of the same version exactly one wins. False when
 * the version moved on (or the dashboard is gone).
 */
async function saveVersion(db: DashboardDb, id: string, change: DashboardChange): Promise<boolean> {
  assertAudience(change);
  assertEpochMs(change.at, 'at');
  const next = change.expectedVersion + 1;
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('dashboards')
      .set({
        title: change.title,
        document: change.document,
        visibility: change.visibility,
        role: change.role,
        version: next,
        updated_at: change.at,
      })
      .where('id', '=', id)
      .where('version', '=', change.expectedVersion)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await trx
      .insertInto('dashboard_versions')
      .values({
        dashboard_id: id,
        version: next,
        title: change.title,
        document: change.document,
        saved_at: change.at,
        saved_by: change.savedBy,
      })
      .execute();
    return true;
  });
}

/** The Kysely implementation of {@link DashboardRepository}, for SQLite and PostgreSQL. */
export function createDashboardRepository(base: Kysely<Database>): DashboardRepository {
  const db = base.withTables<DashboardTables>();

  const get = async (id: string): Promise<StoredDashboard | undefined> => {
    const row = await db
      .selectFrom('dashboards')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toDashboard(row);
  };

  return {
    async create(dashboard) {
      await insertDashboard(db, dashboard);
      const created = await get(dashboard.id);
      if (created === undefined) throw new StoreError('INVALID_ARGUMENT', 'dashboard vanished');
      return created;
    },

    get,

    async list() {
      const rows = await db
        .selectFrom('dashboards')
        .selectAll()
        .orderBy('built_in', 'desc')
        .orderBy('title')
        .orderBy('id')
        .execute();
      return rows.map(toDashboard);
    },

    async update(id, change) {
      const saved = await saveVersion(db, id, change);
      const current = await get(id);
      if (current === undefined) return { kind: 'not-found' };
      return saved ? { kind: 'updated', dashboard: current } : { kind: 'stale', current };
    },

    async delete(id) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('dashboard_versions').where('dashboard_id', '=', id).execute();
        const result = await trx.deleteFrom('dashboards').where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },

    async versions(id) {
      const rows = await db
        .selectFrom('dashboard_versions')
        .selectAll()
        .where('dashboard_id', '=', id)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toVersion);
    },

    async version(id, version) {
      const row = await db
        .selectFrom('dashboard_versions')
        .selectAll()
        .where('dashboard_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return row === undefined ? undefined : toVersion(row);
    },
  };
}
