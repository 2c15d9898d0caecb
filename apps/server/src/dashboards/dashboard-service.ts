import { randomUUID } from 'node:crypto';
import { validateDashboardDocument } from '@taurine/monitor';
import type { DashboardDocument, DocumentProblem } from '@taurine/monitor';
import type {
  DashboardRepository,
  DashboardVisibility,
  StoredDashboard,
  StoredDashboardVersion,
} from '@taurine/store';
import { DASHBOARD_VISIBILITIES } from '@taurine/store';
import type { Principal } from '../access/principal.ts';
import { isRole } from '../access/roles.ts';
import { audienceRefusal, canReadDashboard, writeRefusal } from './dashboard-access.ts';
import { BUILT_IN_DASHBOARD, BUILT_IN_DASHBOARD_ID } from './built-in-dashboard.ts';

/** A stored dashboard with its parsed document. */
export interface Dashboard extends StoredDashboard {
  parsed: DashboardDocument;
}

/** What a create or an update saves. */
export interface DashboardInput {
  /** The document as a client sent it (checked here). */
  document: unknown;
  visibility: DashboardVisibility;
  /** Least role when `visibility` is `role`. */
  role?: string | null | undefined;
}

/** How a change ended; every failure leaves the stored dashboard as it was. */
export type DashboardResult =
  | { kind: 'ok'; dashboard: Dashboard }
  | { kind: 'invalid'; problems: DocumentProblem[] }
  | { kind: 'not-found'; id: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'stale'; current: Dashboard };

/** Dashboards as data: documents checked, stored with versions, read by who may see them. */
export interface DashboardService {
  /** Stores the provisioned dashboards that are missing (at start). */
  provision(): Promise<void>;
  /** The dashboards `principal` may read. */
  list(principal: Principal): Promise<Dashboard[]>;
  /** The dashboard when `principal` may read it; undefined otherwise (no hint it exists). */
  get(id: string, principal: Principal): Promise<Dashboard | undefined>;
  create(input: DashboardInput, principal: Principal): Promise<DashboardResult>;
  /** Saves on top of `version`; a stale version is refused with the current dashboard. */
  update(
    id: string,
    version: number,
    input: DashboardInput,
    principal: Principal,
  ): Promise<DashboardResult>;
  delete(id: string, principal: Principal): Promise<DashboardResult>;
  /** The saved versions, newest first; undefined when the dashboard cannot be read. */
  versions(id: string, principal: Principal): Promise<StoredDashboardVersion[] | undefined>;
  /** Saves an earlier version's document as a new version (on top of `currentVersion`). */
  restore(
    id: string,
    version: number,
    currentVersion: number,
    principal: Principal,
  ): Promise<DashboardResult>;
}

const parse = (stored: StoredDashboard): Dashboard => ({
  ...stored,
  parsed: JSON.parse(stored.document) as DashboardDocument,
});

const actorOf = (principal: Principal): string =>
  principal.kind === 'key' ? principal.name : 'anonymous';

type Checked =
  | {
      kind: 'checked';
      document: DashboardDocument;
      visibility: DashboardVisibility;
      role: string | null;
    }
  | Extract<DashboardResult, { kind: 'invalid' | 'refused' }>;

function checkInput(input: DashboardInput, principal: Principal): Checked {
  const problems: DocumentProblem[] = [];
  if (!(DASHBOARD_VISIBILITIES as readonly string[]).includes(input.visibility)) {
    problems.push({ field: 'visibility', code: 'UNKNOWN', message: 'unknown visibility' });
  }
  const role = input.visibility === 'role' ? (input.role ?? null) : null;
  if (input.visibility === 'role' && !isRole(role)) {
    problems.push({ field: 'role', code: 'REQUIRED', message: 'a shared dashboard names a role' });
  }
  const validation = validateDashboardDocument(input.document);
  if (!validation.ok) problems.push(...validation.problems);
  if (problems.length > 0 || !validation.ok) return { kind: 'invalid', problems };
  const refusal = audienceRefusal(input.visibility, principal);
  if (refusal !== null) return { kind: 'refused', reason: refusal };
  return { kind: 'checked', document: validation.document, visibility: input.visibility, role };
}

/** Stores the built-in monitoring dashboard unless it is there. */
async function provisionBuiltIn(repository: DashboardRepository, now: () => number): Promise<void> {
  if ((await repository.get(BUILT_IN_DASHBOARD_ID)) !== undefined) return;
  const created = repository.create({
    id: BUILT_IN_DASHBOARD_ID,
    title: BUILT_IN_DASHBOARD.title,
    document: JSON.stringify(BUILT_IN_DASHBOARD),
    visibility: 'role',
    role: 'viewer',
    ownerKeyId: null,
    ownerName: 'provisioned',
    builtIn: true,
    at: now(),
  });
  // Another instance starting at the same time may have stored it first.
  await created.catch(async (error: unknown) => {
    if ((await repository.get(BUILT_IN_DASHBOARD_ID)) === undefined) throw error;
  });
}

/** Options of {@link createDashboardService}. */
export interface DashboardServiceOptions {
  repository: DashboardRepository;
  now: () => number;
}

/** The {@link DashboardService} over a repository. */
export function createDashboardService({
  repository,
  now,
}: DashboardServiceOptions): DashboardService {
  const readable = async (id: string, principal: Principal) => {
    const stored = await repository.get(id);
    return stored !== undefined && canReadDashboard(stored, principal) ? stored : undefined;
  };

  const save = async (
    id: string,
    version: number,
    input: DashboardInput,
    principal: Principal,
  ): Promise<DashboardResult> => {
    const stored = await readable(id, principal);
    if (stored === undefined) return { kind: 'not-found', id };
    const refusal = writeRefusal(stored, principal);
    if (refusal !== null) return { kind: 'refused', reason: refusal };
    const checked = checkInput(input, principal);
    if (checked.kind !== 'checked') return checked;
    const result = await repository.update(id, {
      title: checked.document.title,
      document: JSON.stringify(checked.document),
      visibility: checked.visibility,
      role: checked.role,
      expectedVersion: version,
      at: now(),
      savedBy: actorOf(principal),
    });
    if (result.kind === 'not-found') return { kind: 'not-found', id };
    if (result.kind === 'stale') return { kind: 'stale', current: parse(result.current) };
    return { kind: 'ok', dashboard: parse(result.dashboard) };
  };

  return {
    provision: () => provisionBuiltIn(repository, now),

    async list(principal) {
      const all = await repository.list();
      return all.filter((stored) => canReadDashboard(stored, principal)).map(parse);
    },

    async get(id, principal) {
      const stored = await readable(id, principal);
      return stored === undefined ? undefined : parse(stored);
    },

    async create(input, principal) {
      if (principal.kind !== 'key')
        return { kind: 'refused', reason: 'creating a dashboard needs a key' };
      const checked = checkInput(input, principal);
      if (checked.kind !== 'checked') return checked;
      const created = await repository.create({
        id: randomUUID(),
        title: checked.document.title,
        document: JSON.stringify(checked.document),
        visibility: checked.visibility,
        role: checked.role,
        ownerKeyId: principal.keyId,
        ownerName: principal.name,
        at: now(),
      });
      return { kind: 'ok', dashboard: parse(created) };
    },

    update: save,

    async delete(id, principal) {
      const stored = await readable(id, principal);
      if (stored === undefined) return { kind: 'not-found', id };
      const refusal = writeRefusal(stored, principal);
      if (refusal !== null) return { kind: 'refused', reason: refusal };
      await repository.delete(id);
      return { kind: 'ok', dashboard: parse(stored) };
    },

    async versions(id, principal) {
      return (await readable(id, principal)) === undefined ? undefined : repository.versions(id);
    },

    async restore(id, version, currentVersion, principal) {
      const stored = await readable(id, principal);
      const old = stored === undefined ? undefined : await repository.version(id, version);
      if (stored === undefined || old === undefined) return { kind: 'not-found', id };
      const input = {
        document: JSON.parse(old.document) as unknown,
        visibility: stored.visibility,
        role: stored.role,
      };
      return save(id, currentVersion, input, principal);
    },
  };
}
