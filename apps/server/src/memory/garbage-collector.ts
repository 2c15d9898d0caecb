import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let exposed: (() => void) | null | undefined;

/**
 * V8's full garbage collection, for `optimizeMemory`, without `node --expose-gc`: `npm start`
 * runs through tsx and the test runner through its own workers, so no start flag reaches every
 * entry point. Turning the flag on at run time makes V8 install `gc` in contexts created after
 * it; a fresh `vm` context hands the function over, and the flag goes off again so no later
 * context (and no code of ours) gets a global `gc`. `null` when this V8 refuses.
 */
export function exposeGarbageCollector(): (() => void) | null {
  if (exposed !== undefined) return exposed;
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') {
    exposed = existing as () => void;
    return exposed;
  }
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    exposed = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    exposed = null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return exposed;
}
