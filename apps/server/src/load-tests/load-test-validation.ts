import type { LoadTestFigures, NewLoadTestRun } from '@taurine/store';

/** One rejected field: its path (`phases[2].figures.errors`), a code and a message. */
export interface LoadTestFieldProblem {
  field: string;
  code: string;
  message: string;
}

/** A refused run, shaped as the schema's `ValidationError` (same `kind`). */
export interface LoadTestValidationFailure {
  kind: 'validation-error';
  message: string;
  errors: LoadTestFieldProblem[];
}

/** The failure for `errors`, naming every rejected field in its message. */
export function loadTestValidationFailure(
  errors: LoadTestFieldProblem[],
): LoadTestValidationFailure {
  const fields = errors.map((error) => error.field).join(', ');
  const message = `${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${fields}`;
  return { kind: 'validation-error', message, errors };
}

/** Verdicts each mode may end with; a breaking point goes with `breaking-point` only. */
export const VERDICTS_BY_MODE: Readonly<Record<string, readonly string[]>> = {
  load: ['passed', 'failed', 'aborted'],
  stress: ['breaking-point', 'no-breaking-point', 'aborted'],
};

/** Limits of a recorded run, so one request cannot store an unbounded document. */
export const LOAD_TEST_LIMITS = {
  nameLength: 200,
  urlLength: 2000,
  phases: 200,
  thresholds: 10,
  reasonLength: 500,
  users: 100_000,
} as const;

type Check = (ok: boolean, field: string, code: string, message: string) => void;

function checkFigures(figures: LoadTestFigures, path: string, check: Check): void {
  const count = (value: number) => Number.isSafeInteger(value) && value >= 0;
  check(count(figures.requests), `${path}.requests`, 'OUT_OF_RANGE', 'must be a whole number ≥ 0');
  check(
    count(figures.errors) && figures.errors <= figures.requests,
    `${path}.errors`,
    'OUT_OF_RANGE',
    'must be a whole number from 0 to requests',
  );
  const rate = figures.throughputRps;
  check(Number.isFinite(rate) && rate >= 0, `${path}.throughputRps`, 'OUT_OF_RANGE', 'must be ≥ 0');
  for (const key of ['p50Ms', 'p95Ms', 'p99Ms'] as const) {
    const value = figures[key];
    const ok = value === null || (Number.isFinite(value) && value >= 0);
    check(ok, `${path}.${key}`, 'OUT_OF_RANGE', 'must be ≥ 0 ms or null');
  }
}

function checkText(value: string, max: number, field: string, check: Check): void {
  check(value.trim() !== '', field, 'REQUIRED', 'must not be empty');
  check(value.length <= max, field, 'TOO_LONG', `must be at most ${max} characters`);
}

/** Every problem with a run to record, each with the path of its field; [] when it is valid. */
export function validateLoadTestRun(run: NewLoadTestRun): LoadTestFieldProblem[] {
  const errors: LoadTestFieldProblem[] = [];
  const check: Check = (ok, field, code, message) => {
    if (!ok) errors.push({ field, code, message });
  };
  checkText(run.name, LOAD_TEST_LIMITS.nameLength, 'name', check);
  check(
    /^https?:\/\//.test(run.targetUrl) && run.targetUrl.length <= LOAD_TEST_LIMITS.urlLength,
    'targetUrl',
    'INVALID',
    `must be an http(s) URL of at most ${LOAD_TEST_LIMITS.urlLength} characters`,
  );
  check(run.endedAt >= run.startedAt, 'endedAt', 'OUT_OF_RANGE', 'must not be before startedAt');
  const verdicts = VERDICTS_BY_MODE[run.mode] ?? [];
  check(
    verdicts.includes(run.verdict),
    'verdict',
    'INVALID',
    `a ${run.mode} run ends with ${verdicts.join(', ')}`,
  );
  check(
    (run.breakingPoint !== null) === (run.verdict === 'breaking-point'),
    'breakingPoint',
    'INVALID',
    'is given exactly when the verdict is BREAKING_POINT',
  );
  checkFigures(run.figures, 'figures', check);
  check(run.phases.length >= 1, 'phases', 'REQUIRED', 'must hold at least one phase');
  check(
    run.phases.length <= LOAD_TEST_LIMITS.phases,
    'phases',
    'TOO_LONG',
    `must hold at most ${LOAD_TEST_LIMITS.phases} phases`,
  );
  run.phases.slice(0, LOAD_TEST_LIMITS.phases).forEach((phase, index) => {
    const path = `phases[${index}]`;
    checkText(phase.name, 100, `${path}.name`, check);
    for (const key of ['startUsers', 'users'] as const) {
      const users = phase[key];
      const ok = Number.isSafeInteger(users) && users >= 0 && users <= LOAD_TEST_LIMITS.users;
      check(ok, `${path}.${key}`, 'OUT_OF_RANGE', `must be 0 to ${LOAD_TEST_LIMITS.users}`);
    }
    const ordered = phase.endedAt >= phase.startedAt;
    check(ordered, `${path}.endedAt`, 'OUT_OF_RANGE', 'must not be before startedAt');
    checkFigures(phase.figures, `${path}.figures`, check);
  });
  check(
    run.thresholds.length <= LOAD_TEST_LIMITS.thresholds,
    'thresholds',
    'TOO_LONG',
    `must hold at most ${LOAD_TEST_LIMITS.thresholds} thresholds`,
  );
  run.thresholds.forEach((threshold, index) => {
    const ok = Number.isFinite(threshold.limit) && threshold.limit >= 0;
    check(ok, `thresholds[${index}].limit`, 'OUT_OF_RANGE', 'must be ≥ 0');
  });
  const point = run.breakingPoint;
  if (point !== null) {
    const ok = Number.isSafeInteger(point.users) && point.users >= 1;
    check(ok, 'breakingPoint.users', 'OUT_OF_RANGE', 'must be a whole number ≥ 1');
    const good = point.lastGoodUsers;
    check(
      Number.isSafeInteger(good) && good >= 0 && good < point.users,
      'breakingPoint.lastGoodUsers',
      'OUT_OF_RANGE',
      'must be a whole number from 0 to below users',
    );
    checkText(point.reason, LOAD_TEST_LIMITS.reasonLength, 'breakingPoint.reason', check);
  }
  return errors;
}
