import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database } from './database.ts';
import { StoreError } from './errors.ts';
import { assertEpochMs, assertFinite } from './validation.ts';

/** Table `load_test_runs` (migration 010): one row per stored load or stress run. */
export interface LoadTestRunTable {
  id: Generated<number>;
  name: string;
  mode: string;
  verdict: string;
  target_url: string;
  started_at: number;
  ended_at: number;
  recorded_at: number;
  recorded_by: string;
  /** JSON text of {@link LoadTestRunDetails}. */
  details: string;
}

/** Figures over a phase or a whole run; latencies are null when nothing was measured. */
export interface LoadTestFigures {
  requests: number;
  errors: number;
  throughputRps: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** One phase (or stress step) of a run. */
export interface LoadTestPhaseRecord {
  name: string;
  /** `ramp-up`, `steady`, `spike` or `ramp-down`. */
  kind: string;
  startUsers: number;
  users: number;
  startedAt: number;
  endedAt: number;
  figures: LoadTestFigures;
}

/** A threshold and how the run did against it. */
export interface LoadTestThresholdRecord {
  /** `p95Ms`, `errorRatePercent` or `throughputRps`. */
  metric: string;
  limit: number;
  actual: number | null;
  passed: boolean;
}

/** Where a stress run broke. */
export interface LoadTestBreakingPoint {
  users: number;
  lastGoodUsers: number;
  reason: string;
}

/** The parts of a run stored as one JSON document. */
export interface LoadTestRunDetails {
  phases: LoadTestPhaseRecord[];
  thresholds: LoadTestThresholdRecord[];
  breakingPoint: LoadTestBreakingPoint | null;
  figures: LoadTestFigures;
}

/** A run to store. Times are epoch ms. */
export interface NewLoadTestRun extends LoadTestRunDetails {
  name: string;
  /** `load` or `stress`. */
  mode: string;
  /** `passed`, `failed`, `breaking-point`, `no-breaking-point` or `aborted`. */
  verdict: string;
  targetUrl: string;
  startedAt: number;
  endedAt: number;
  /** Who stored it (the key's name). */
  recordedBy: string;
}

/** A stored run. */
export interface LoadTestRun extends NewLoadTestRun {
  id: number;
  recordedAt: number;
}

/** Which runs {@link LoadTestRunRepository.list} returns. */
export interface ListLoadTestRunsOptions {
  /** Most runs returned. */
  limit: number;
  /** Only runs that ended at or after this epoch ms (charts ask for their range). */
  endedAfter?: number | undefined;
}

/** Stored load test results, newest first. */
export interface LoadTestRunRepository {
  /**
   * Stores a run and returns it with its id.
   * @throws StoreError `INVALID_ARGUMENT` on an empty text, a bad time or a non-finite figure.
   */
  record(run: NewLoadTestRun): Promise<LoadTestRun>;
  /** Runs by start time, newest first. */
  list(options: ListLoadTestRunsOptions): Promise<LoadTestRun[]>;
}

/** Options of {@link createLoadTestRunRepository}. */
export interface LoadTestRunRepositoryOptions {
  /** Clock for `recordedAt`. @default Date.now */
  now?: () => number;
}

type LoadTestDatabase = Database & { load_test_runs: LoadTestRunTable };

function assertRun(run: NewLoadTestRun): void {
  for (const field of ['name', 'mode', 'verdict', 'targetUrl', 'recordedBy'] as const) {
    if (typeof run[field] !== 'string' || run[field] === '') {
      throw new StoreError('INVALID_ARGUMENT', `${field} must be a non-empty string`);
    }
  }
  assertEpochMs(run.startedAt, 'startedAt');
  assertEpochMs(run.endedAt, 'endedAt');
  if (run.endedAt < run.startedAt) {
    throw new StoreError('INVALID_ARGUMENT', 'endedAt must not be before startedAt');
  }
  const figures = [run.figures, ...run.phases.map((phase) => phase.figures)];
  for (const figure of figures) {
    const values = [figure.requests, figure.errors, figure.throughputRps, figure.p50Ms];
    values.push(figure.p95Ms, figure.p99Ms);
    for (const value of values) if (value !== null) assertFinite(value, 'a figure');
  }
}

/** The Kysely implementation of {@link LoadTestRunRepository}, for SQLite and PostgreSQL. */
export function createLoadTestRunRepository(
  database: Kysely<Database>,
  options: LoadTestRunRepositoryOptions = {},
): LoadTestRunRepository {
  const db: Kysely<LoadTestDatabase> = database.withTables<{ load_test_runs: LoadTestRunTable }>();
  const now = options.now ?? Date.now;
  return {
    async record(run) {
      assertRun(run);
      const details: LoadTestRunDetails = {
        phases: run.phases,
        thresholds: run.thresholds,
        breakingPoint: run.breakingPoint,
        figures: run.figures,
      };
      const row = await db
        .insertInto('load_test_runs')
        .values({
          name: run.name,
          mode: run.mode,
          verdict: run.verdict,
          target_url: run.targetUrl,
          started_at: run.startedAt,
          ended_at: run.endedAt,
          recorded_at: now(),
          recorded_by: run.recordedBy,
          details: JSON.stringify(details),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRun(row);
    },

    async list({ limit, endedAfter }) {
      if (!Number.isSafeInteger(limit) || limit < 0) {
        throw new StoreError(
          'INVALID_ARGUMENT',
          `limit must be a non-negative integer, got ${limit}`,
        );
      }
      let query = db.selectFrom('load_test_runs').selectAll();
      if (endedAfter !== undefined) {
        assertFinite(endedAfter, 'endedAfter');
        query = query.where('ended_at', '>=', Math.ceil(endedAfter));
      }
      const rows = await query
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRun);
    },
  };
}

function toRun(row: Selectable<LoadTestRunTable>): LoadTestRun {
  const details = JSON.parse(row.details) as LoadTestRunDetails;
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    verdict: row.verdict,
    targetUrl: row.target_url,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    ...details,
  };
}
