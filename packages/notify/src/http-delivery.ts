import type { DeliveryResult } from './notification-channel.ts';

/** One JSON POST to a receiver. */
export interface HttpPostRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** How the receiver is named in reasons, e.g. `Slack webhook at hooks.slack.com`; no secrets. */
  target: string;
}

/** A response of any status, or a failure to get one (always worth retrying). */
export type HttpPostOutcome =
  | { kind: 'response'; status: number; retryAfter: string | null; body: string }
  | { kind: 'failed'; reason: string };

/** Default timeout of every HTTP call, in milliseconds. */
export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

/** Longest receiver body quoted in a reason. */
const BODY_SNIPPET_LENGTH = 200;

/**
 * POSTs a JSON body with a timeout. Redirects are not followed: a 3xx is reported as is, so a
 * signed body never travels to a host the operator did not configure.
 */
export async function postJson(request: HttpPostRequest): Promise<HttpPostOutcome> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal =
    request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Taurine-Notify',
        ...request.headers,
      },
      body: request.body,
      redirect: 'manual',
      signal,
    });
    const body = await response.text();
    return {
      kind: 'response',
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body,
    };
  } catch (error) {
    if (timeout.aborted) {
      return {
        kind: 'failed',
        reason: `${request.target}: no response within ${request.timeoutMs} ms`,
      };
    }
    if (request.signal?.aborted === true) {
      return { kind: 'failed', reason: `${request.target}: request aborted` };
    }
    return {
      kind: 'failed',
      reason: `${request.target}: connection failed (${networkErrorCode(error)})`,
    };
  }
}

/** undici wraps socket errors as `TypeError('fetch failed', { cause })`; the cause has the code. */
function networkErrorCode(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  return error instanceof Error ? error.name : 'unknown error';
}

/**
 * Parses a Retry-After header (delta seconds or HTTP date) into milliseconds from `nowMs`.
 * Returns undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** What counts as accepted differs per receiver (Slack wants the body `ok`). */
export type AcceptanceCheck = (status: number, body: string) => boolean;

/**
 * The house rules for HTTP receivers: accepted → ok; 429 and 5xx → retry (honouring
 * Retry-After); anything else (3xx, other 4xx, an unexpected 2xx body) → final.
 */
export function classifyHttpOutcome(
  outcome: HttpPostOutcome,
  options: { target: string; nowMs: number; accepted: AcceptanceCheck },
): DeliveryResult {
  if (outcome.kind === 'failed') return { ok: false, retryable: true, reason: outcome.reason };
  const { status, body } = outcome;
  if (options.accepted(status, body)) return { ok: true, status };
  const snippet = body.replace(/\s+/g, ' ').trim().slice(0, BODY_SNIPPET_LENGTH);
  const reason = `${options.target} answered ${status}${snippet === '' ? '' : `: ${snippet}`}`;
  const retryable = status === 429 || status >= 500;
  if (!retryable) return { ok: false, retryable, status, reason };
  const retryAfterMs = parseRetryAfter(outcome.retryAfter, options.nowMs);
  return retryAfterMs === undefined
    ? { ok: false, retryable, status, reason }
    : { ok: false, retryable, status, retryAfterMs, reason };
}
