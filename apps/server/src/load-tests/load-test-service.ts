import type { LoadTestRun, NewLoadTestRun, Store } from '@taurine/store';
import { loadTestValidationFailure, validateLoadTestRun } from './load-test-validation.ts';
import type { LoadTestValidationFailure } from './load-test-validation.ts';

/** Most runs one `loadTestRuns` call returns. */
export const MAX_LOAD_TEST_RUNS_PAGE = 200;

/** Stored results of `npm run loadtest`: record one (validated), list the newest. */
export interface LoadTestService {
  /** Stores a run, or says which fields are wrong (nothing is stored then). */
  record(run: NewLoadTestRun): Promise<LoadTestRun | LoadTestValidationFailure>;
  /** The newest runs by start; `endedAfter` keeps those that reach into a chart's range. */
  list(first: number, endedAfter?: number): Promise<LoadTestRun[]>;
}

/** The service over the store's `loadTestRuns` repository. */
export function createLoadTestService(store: Pick<Store, 'loadTestRuns'>): LoadTestService {
  return {
    async record(run) {
      const errors = validateLoadTestRun(run);
      if (errors.length > 0) return loadTestValidationFailure(errors);
      return store.loadTestRuns.record(run);
    },
    list(first, endedAfter) {
      const limit = Math.min(MAX_LOAD_TEST_RUNS_PAGE, Math.max(0, Math.trunc(first)));
      return store.loadTestRuns.list({ limit, endedAfter });
    },
  };
}
