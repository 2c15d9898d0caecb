import type { Severity } from './alert-rule.ts';
import { FieldChecks, isRecord } from './field-checks.ts';
import type { FieldError } from './field-error.ts';

/**
 * Label names every alert carries besides its tags; rules may not use them as tag names, so a
 * matcher on one of them is never ambiguous.
 */
export const RESERVED_LABEL_NAMES = ['alertname', 'severity', 'metric'] as const;

/**
 * An exact-match matcher: the alert's label `name` (`alertname`, `severity`, `metric` or a tag
 * key) must equal `value`. Regular expressions are deliberately unsupported: user-supplied
 * patterns would expose the evaluator to catastrophic backtracking (ReDoS).
 */
export interface SilenceMatcher {
  readonly name: string;
  readonly value: string;
  readonly isRegex?: false;
}

/**
 * Mutes notifications of the alerts matched by all of its matchers between `startsAt`
 * (inclusive) and `endsAt` (exclusive), epoch ms. Silenced alerts still change state.
 */
export interface Silence {
  readonly id: string;
  readonly matchers: readonly SilenceMatcher[];
  readonly startsAt: number;
  readonly endsAt: number;
  readonly comment: string;
  readonly createdBy: string;
}

/** The parts of an alert a silence can match on. */
export interface SilenceTarget {
  readonly ruleName: string;
  readonly severity: Severity;
  readonly metric: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** Limits applied by {@link validateSilence}. */
export const SILENCE_LIMITS = {
  maxMatchers: 20,
  idMaxLength: 128,
  textMaxLength: 500,
} as const;

/** The labels silences match on: the alert's tags plus `alertname`, `severity` and `metric`. */
export function alertLabels(alert: SilenceTarget): Record<string, string> {
  return {
    ...alert.tags,
    alertname: alert.ruleName,
    severity: alert.severity,
    metric: alert.metric,
  };
}

/** True while `now` is in `[startsAt, endsAt)`. */
export function isSilenceActive(silence: Silence, now: number): boolean {
  return silence.startsAt <= now && now < silence.endsAt;
}

/**
 * The silences active at `now` whose matchers all equal the alert's labels. A silence without
 * matchers matches nothing: muting every alert at once must be spelled out.
 */
export function matchingSilences(
  alert: SilenceTarget,
  silences: readonly Silence[],
  now: number,
): Silence[] {
  const labels = alertLabels(alert);
  return silences.filter(
    (silence) =>
      isSilenceActive(silence, now) &&
      silence.matchers.length > 0 &&
      silence.matchers.every((matcher) => labels[matcher.name] === matcher.value),
  );
}

/** True when at least one active silence matches the alert. */
export function isSilenced(
  alert: SilenceTarget,
  silences: readonly Silence[],
  now: number,
): boolean {
  return matchingSilences(alert, silences, now).length > 0;
}

/** Result of {@link validateSilence}. */
export type SilenceValidationResult =
  | { readonly ok: true; readonly silence: Silence }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Checks untrusted silence input: at least one matcher, exact matchers only (`isRegex: true` is
 * rejected), `endsAt` after `startsAt`, a comment and an author.
 */
export function validateSilence(input: unknown): SilenceValidationResult {
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [{ field: '', code: 'invalid-type', message: 'silence must be an object' }],
    };
  }
  const checks = new FieldChecks();
  const id = checks.text(input.id, 'id', SILENCE_LIMITS.idMaxLength);
  const matchers = readMatchers(checks, input.matchers);
  const startsAt = checks.nonNegative(input.startsAt, 'startsAt');
  const endsAt = checks.nonNegative(input.endsAt, 'endsAt');
  if (startsAt !== undefined && endsAt !== undefined && endsAt <= startsAt) {
    checks.fail('endsAt', 'invalid-range', 'endsAt must be after startsAt');
  }
  const comment = checks.text(input.comment, 'comment', SILENCE_LIMITS.textMaxLength);
  const createdBy = checks.text(input.createdBy, 'createdBy', SILENCE_LIMITS.textMaxLength);
  if (
    checks.errors.length > 0 ||
    id === undefined ||
    matchers === undefined ||
    startsAt === undefined ||
    endsAt === undefined ||
    comment === undefined ||
    createdBy === undefined
  ) {
    return { ok: false, errors: checks.errors };
  }
  return { ok: true, silence: { id, matchers, startsAt, endsAt, comment, createdBy } };
}

function readMatchers(checks: FieldChecks, value: unknown): SilenceMatcher[] | undefined {
  if (!Array.isArray(value)) {
    checks.fail('matchers', 'invalid-type', 'matchers must be a list');
    return undefined;
  }
  if (value.length === 0) {
    checks.fail('matchers', 'empty', 'a silence needs at least one matcher');
    return undefined;
  }
  if (value.length > SILENCE_LIMITS.maxMatchers) {
    checks.fail('matchers', 'too-long', `at most ${SILENCE_LIMITS.maxMatchers} matchers`);
    return undefined;
  }
  const before = checks.errors.length;
  const matchers: SilenceMatcher[] = [];
  value.forEach((raw: unknown, index) => {
    const field = `matchers.${index}`;
    if (!isRecord(raw)) {
      checks.fail(field, 'invalid-type', `${field} must be an object`);
      return;
    }
    if (raw.isRegex !== undefined && raw.isRegex !== false) {
      checks.fail(`${field}.isRegex`, 'not-allowed', 'only exact matchers are supported');
      return;
    }
    const name = checks.text(raw.name, `${field}.name`, SILENCE_LIMITS.textMaxLength);
    // Values are compared exactly, so they are not trimmed; an empty one could never match.
    if (typeof raw.value !== 'string') {
      checks.fail(`${field}.value`, 'invalid-type', `${field}.value must be a string`);
      return;
    }
    if (raw.value === '') {
      checks.fail(`${field}.value`, 'empty', `${field}.value must not be empty`);
      return;
    }
    if (name !== undefined) matchers.push({ name, value: raw.value });
  });
  return checks.errors.length === before ? matchers : undefined;
}
