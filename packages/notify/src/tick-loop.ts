import type { Sleep } from './clock.ts';
import { NotifyError } from './notify-error.ts';
import { checkPositiveNumber } from './option-checks.ts';

/** A background loop around a tick function, as {@link Dispatcher} exposes it. */
export interface TickLoop {
  start(intervalMs: number): void;
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Runs `tick` now and then every `intervalMs`: at once again when `tick` resolves `true` (it
 * did work, more may be waiting) or when {@link TickLoop.wake} was called meanwhile. Ticks of
 * the loop never overlap.
 */
export function createTickLoop(tick: () => Promise<boolean>, sleep: Sleep): TickLoop {
  let loop: { controller: AbortController; done: Promise<void>; wake: () => void } | undefined;

  return {
    start(intervalMs) {
      checkPositiveNumber('Dispatcher.start', 'intervalMs', intervalMs);
      if (loop !== undefined) {
        throw new NotifyError(
          'DISPATCHER_RUNNING',
          'Dispatcher.start: the dispatcher is already running',
        );
      }
      const controller = new AbortController();
      let woken = false;
      let nap: AbortController | undefined;
      // Functions, not property reads: TS would keep the values narrowed across the awaits.
      const stopped = (): boolean => controller.signal.aborted;
      const takeWake = (): boolean => {
        const was = woken;
        woken = false;
        return was;
      };
      const wake = (): void => {
        woken = true;
        nap?.abort();
      };
      controller.signal.addEventListener('abort', wake, { once: true });
      const run = async (): Promise<void> => {
        while (!stopped()) {
          takeWake();
          const busy = await tick();
          if (stopped()) break;
          if (busy || takeWake()) continue;
          nap = new AbortController();
          await sleep(intervalMs, nap.signal);
          nap = undefined;
        }
      };
      loop = { controller, done: run(), wake };
    },
    wake() {
      loop?.wake();
    },
    async stop() {
      const current = loop;
      if (current === undefined) return;
      loop = undefined;
      current.controller.abort();
      await current.done;
    },
  };
}
