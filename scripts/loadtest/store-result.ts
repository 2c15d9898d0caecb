/**
 * Stores a run's result on the server it ran against (`recordLoadTestRun`, operator key), so the
 * SPA lists it and the monitoring charts shade its time range.
 */
import type { RunResult } from './run-result.ts';
import type { WindowSummary } from './run-stats.ts';

const RECORD = `mutation RecordLoadTestRun($input: RecordLoadTestRunInput!) {
  recordLoadTestRun(input: $input) {
    __typename
    ... on LoadTestRun { id }
    ... on ValidationError { message errors { field message } }
  }
}`;

const ENUM = (value: string) => value.toUpperCase().replaceAll('-', '_');
const METRIC_ENUM = {
  p95Ms: 'P95_MS',
  errorRatePercent: 'ERROR_RATE_PERCENT',
  throughputRps: 'THROUGHPUT_RPS',
} as const;

const figures = (summary: WindowSummary) => ({
  requests: summary.requests,
  errors: summary.errors,
  throughputRps: summary.throughputRps,
  p50Ms: summary.p50Ms,
  p95Ms: summary.p95Ms,
  p99Ms: summary.p99Ms,
});

/** The mutation's input for `result`. */
export function recordInput(result: RunResult) {
  return {
    name: result.name,
    mode: ENUM(result.mode),
    verdict: ENUM(result.verdict),
    targetUrl: result.url,
    startedAt: new Date(result.startedAt).toISOString(),
    endedAt: new Date(result.endedAt).toISOString(),
    phases: result.phases.map((phase) => ({
      name: phase.name,
      kind: ENUM(phase.kind),
      startUsers: phase.startUsers,
      users: phase.users,
      startedAt: new Date(phase.startedAt).toISOString(),
      endedAt: new Date(phase.endedAt).toISOString(),
      figures: figures(phase.summary),
    })),
    thresholds: result.thresholds.map((threshold) => ({
      metric: METRIC_ENUM[threshold.metric],
      limit: threshold.limit,
      actual: threshold.actual,
      passed: threshold.passed,
    })),
    breakingPoint: result.breakingPoint,
    figures: figures(result.summary),
  };
}

interface RecordResponse {
  data?: {
    recordLoadTestRun?: {
      __typename: string;
      id?: string;
      message?: string;
      errors?: { field: string; message: string }[];
    };
  };
  errors?: { message: string }[];
}

/**
 * Sends the result; resolves with the stored run's id.
 * @throws Error with the server's reason when it was not stored.
 */
export async function storeResult(
  endpoint: URL,
  apiKey: string,
  result: RunResult,
): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query: RECORD, variables: { input: recordInput(result) } }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as RecordResponse;
  const recorded = body.data?.recordLoadTestRun;
  if (recorded?.__typename === 'LoadTestRun' && recorded.id !== undefined) return recorded.id;
  if (recorded?.__typename === 'ValidationError') {
    const fields = (recorded.errors ?? []).map((error) => `${error.field}: ${error.message}`);
    throw new Error(`${recorded.message} (${fields.join('; ')})`);
  }
  throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
}
