import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** Longest stretch of insight work between two yields to the event loop. @default 20 ms */
export const CHUNK_BUDGET_MS = 20;

/**
 * Runs `work` for each item, yielding to the event loop (setImmediate) whenever `budgetMs` has
 * passed, so a scan over 10,000 series never holds requests back for more than one chunk.
 */
export async function forEachChunked<T>(
  items: Iterable<T>,
  work: (item: T) => void,
  budgetMs = CHUNK_BUDGET_MS,
): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - sliceStart >= budgetMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}
