/**
 * Reads another Node process' memory through its inspector (`--inspect=127.0.0.1:0`): a full GC
 * first, so what is compared is what is retained, not garbage waiting for collection. Loopback only.
 */
import WebSocket from 'ws';

/** Memory of the inspected process after a full garbage collection, in MiB. */
export interface ProcessMemory {
  rssMiB: number;
  heapUsedMiB: number;
  /** Buffers and typed arrays outside the V8 heap (sketches, compressed cache entries). */
  externalMiB: number;
}

/** A connection to one process' inspector. */
export interface InspectorMemory {
  /** Collects garbage in the process and returns its memory. */
  measure(): Promise<ProcessMemory>;
  close(): void;
}

/** The inspector URL in a process' output (`Debugger listening on ws://…`), or null. */
export const inspectorUrlIn = (output: string): string | null =>
  /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null;

/** Connects to the inspector at `url`. */
export async function connectInspector(url: string): Promise<InspectorMemory> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    async measure() {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      const reply = (await send('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      })) as { result: { value: string } };
      const usage = JSON.parse(reply.result.value) as NodeJS.MemoryUsage;
      const MiB = 1024 * 1024;
      return {
        rssMiB: usage.rss / MiB,
        heapUsedMiB: usage.heapUsed / MiB,
        externalMiB: usage.external / MiB,
      };
    },
    close() {
      socket.close();
    },
  };
}
