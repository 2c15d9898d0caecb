/** Runs async tasks one at a time, in call order. */
export interface SerialQueue {
  /** Runs `task` after every task queued before it; resolves or rejects with its result. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void>;
}

/**
 * Creates a serial queue. The alerting service runs each evaluation, acknowledgement and
 * resolution through one, so the evaluator state committed last is always the newest.
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  const settled = (): void => undefined;
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.then(settled, settled);
      return result;
    },
    idle: () => tail.then(settled),
  };
}
