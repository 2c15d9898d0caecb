import { writeHeapSnapshot } from 'node:v8';

/** Why a heap snapshot was not taken. */
export type HeapSnapshotRefusal = {
  reason: 'too-large';
  heapUsedBytes: number;
  limitBytes: number;
};

/**
 * The guard before a snapshot: a snapshot is about as large as the heap in use and V8 needs
 * memory of that order to write it, so a heap over `limitBytes` is refused (the snapshot could
 * take the process down). Null when it may go ahead.
 */
export function checkHeapSnapshotSize(
  heapUsedBytes: number,
  limitBytes: number,
): HeapSnapshotRefusal | null {
  return heapUsedBytes > limitBytes ? { reason: 'too-large', heapUsedBytes, limitBytes } : null;
}

/** What an admin is told before a snapshot: it stops the process while it is written. */
export function heapSnapshotWarning(heapUsedBytes: number): string {
  const megabytes = Math.round(heapUsedBytes / 1024 / 1024);
  // V8 writes on the order of 100 MB/s and serves nothing meanwhile.
  const seconds = Math.max(1, Math.round(megabytes / 100));
  return `A heap snapshot stops this process while it is written: about ${seconds} s for ${megabytes} MB of heap. Requests wait meanwhile.`;
}

/** Writes a heap snapshot of this process to `path` (synchronous: the process pauses). */
export function writeHeapSnapshotTo(path: string): string {
  return writeHeapSnapshot(path);
}
