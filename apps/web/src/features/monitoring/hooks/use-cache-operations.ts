import type { CombinedError, OperationResult } from '@urql/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { problemKind, serverReason } from '../../../components/query-problem.tsx';
import {
  ClearCacheMutation,
  DeleteCacheKeyMutation,
  OptimizeMemoryMutation,
  WarmCacheMutation,
} from '../api/cache-operations.ts';
import type { CacheOperationReport } from '../components/cache-operation-report.tsx';

/** What an operation's answer means for the panel: a report, the key's limits, or a failure. */
type Outcome =
  | { kind: 'report'; report: CacheOperationReport }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; message: string };

function outcomeOf<T>(
  result: OperationResult<T>,
  toReport: (data: T) => CacheOperationReport,
): Outcome {
  const error: CombinedError | undefined = result.error;
  if (error !== undefined) {
    const kind = problemKind(error);
    if (kind === 'forbidden' || kind === 'needs-key') {
      return { kind: 'refused', reason: serverReason(error) };
    }
    return {
      kind: 'failed',
      message: kind === 'offline' ? 'the server could not be reached' : error.message,
    };
  }
  return { kind: 'report', report: toReport(result.data as T) };
}

export const splitKeys = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((key) => key.trim())
    .filter((key) => key !== '');

/**
 * The four cache operations and what the last one reported. A refusal for the key's role
 * (FORBIDDEN, or a key the server does not accept) is kept: `refusal` holds the server's reason
 * from then on, and the panel disables its controls.
 */
export function useCacheOperations() {
  const [warmState, warm] = useMutation(WarmCacheMutation);
  const [clearState, clear] = useMutation(ClearCacheMutation);
  const [deleteState, deleteKey] = useMutation(DeleteCacheKeyMutation);
  const [optimizeState, optimize] = useMutation(OptimizeMemoryMutation);
  const [report, setReport] = useState<CacheOperationReport | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const settle = (outcome: Outcome) => {
    setFailure(outcome.kind === 'failed' ? outcome.message : null);
    if (outcome.kind === 'refused') setRefusal(outcome.reason);
    setReport(outcome.kind === 'report' ? outcome.report : null);
  };

  return {
    busy:
      warmState.fetching || clearState.fetching || deleteState.fetching || optimizeState.fetching,
    report,
    refusal,
    failure,
    warm: async (keys: string[]) => {
      const result = await warm({ keys: keys.length === 0 ? null : keys });
      settle(outcomeOf(result, (data) => ({ kind: 'warm', report: data.warmCache })));
    },
    clear: async (pattern: string) => {
      const result = await clear({ pattern });
      settle(
        outcomeOf(result, ({ clearCache: answer }) =>
          answer.__typename === 'CacheClearReport'
            ? { kind: 'clear', report: answer }
            : { kind: 'rejected', message: answer.message },
        ),
      );
    },
    deleteKey: async (key: string) => {
      const result = await deleteKey({ key });
      settle(
        outcomeOf(result, ({ deleteCacheKey: answer }) =>
          answer.__typename === 'CacheDeleteReport'
            ? { kind: 'delete', report: answer }
            : { kind: 'rejected', message: answer.message },
        ),
      );
    },
    optimize: async () => {
      const result = await optimize({});
      settle(outcomeOf(result, (data) => ({ kind: 'optimize', report: data.optimizeMemory })));
    },
  };
}
