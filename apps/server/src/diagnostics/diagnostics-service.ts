import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CpuProfile } from './cpu-profiler.ts';
import { profileCpu } from './cpu-profiler.ts';
import {
  checkHeapSnapshotSize,
  heapSnapshotWarning,
  writeHeapSnapshotTo,
} from './heap-snapshot.ts';

/** The kinds of diagnostic files. */
export type DiagnosticKind = 'cpuProfile' | 'heapSnapshot';

const EXTENSION: Readonly<Record<DiagnosticKind, string>> = {
  cpuProfile: '.cpuprofile',
  heapSnapshot: '.heapsnapshot',
};

/** Where a downloadable diagnostic file is served. */
export const DIAGNOSTICS_ROUTE_PREFIX = '/api/diagnostics/';

/** A diagnostic file ready to download. */
export interface DiagnosticArtefact {
  kind: DiagnosticKind;
  fileName: string;
  bytes: number;
  createdAt: number;
  /** `GET` it with an admin key. */
  downloadPath: string;
  warning: string | null;
}

/** Why a diagnostic was refused. */
export type DiagnosticRefusalCode =
  'RATE_LIMITED' | 'BUSY' | 'TOO_LARGE' | 'CONFIRMATION_REQUIRED' | 'INVALID_DURATION';

export type DiagnosticResult =
  | { ok: true; artefact: DiagnosticArtefact }
  | { ok: false; code: DiagnosticRefusalCode; message: string };

/** Options of {@link createDiagnosticsService}. */
export interface DiagnosticsServiceOptions {
  /** Where files are written (`<DATA_DIR>/diagnostics`). */
  directory: string;
  /** Heaps over this are not snapshotted. */
  heapSnapshotLimitBytes: number;
  /** Diagnostics of each kind per hour. @default 6 */
  maxPerHour?: number;
  /** Longest CPU profile. @default 60 */
  maxProfileSeconds?: number;
  /** Files kept per kind; older ones are deleted. @default 5 */
  keepPerKind?: number;
  /** @default () => process.memoryUsage().heapUsed */
  heapUsed?: () => number;
  /** @default Date.now */
  now?: () => number;
  /** How a profile's duration is waited for. @default a timer */
  wait?: (ms: number) => Promise<void>;
}

/** On-demand CPU profiles and heap snapshots, one at a time, rate-limited, kept on disk. */
export interface DiagnosticsService {
  cpuProfile(seconds: number): Promise<DiagnosticResult>;
  /** Refused with `CONFIRMATION_REQUIRED` (and the pause warning) unless `confirmPause`. */
  heapSnapshot(confirmPause: boolean): Promise<DiagnosticResult>;
  /** The path of a file this service wrote, or undefined for any other name. */
  pathOf(fileName: string): string | undefined;
}

const FILE_NAME = /^(cpu|heap)-\d+-[0-9a-f]{8}\.(cpuprofile|heapsnapshot)$/;

export function createDiagnosticsService(options: DiagnosticsServiceOptions): DiagnosticsService {
  const { directory, heapSnapshotLimitBytes, maxPerHour = 6, maxProfileSeconds = 60 } = options;
  const keepPerKind = options.keepPerKind ?? 5;
  const now = options.now ?? Date.now;
  const heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
  const runs: Record<DiagnosticKind, number[]> = { cpuProfile: [], heapSnapshot: [] };
  let busy = false;

  const refuse = (code: DiagnosticRefusalCode, message: string): DiagnosticResult => ({
    ok: false,
    code,
    message,
  });
  const admit = (kind: DiagnosticKind): DiagnosticResult | undefined => {
    if (busy) return refuse('BUSY', 'Another diagnostic is running; try again when it is done.');
    const at = now();
    runs[kind] = runs[kind].filter((time) => at - time < 3_600_000);
    if (runs[kind].length >= maxPerHour) {
      const retryS = Math.ceil((runs[kind][0]! + 3_600_000 - at) / 1000);
      return refuse('RATE_LIMITED', `At most ${maxPerHour} per hour; try again in ${retryS} s.`);
    }
    runs[kind].push(at);
    return undefined;
  };
  const fileNameFor = (kind: DiagnosticKind) =>
    `${kind === 'cpuProfile' ? 'cpu' : 'heap'}-${now()}-${randomBytes(4).toString('hex')}${EXTENSION[kind]}`;
  const prune = async (kind: DiagnosticKind) => {
    const files = (await readdir(directory))
      .filter((name) => name.endsWith(EXTENSION[kind]))
      .sort();
    for (const old of files.slice(0, Math.max(0, files.length - keepPerKind)))
      await rm(join(directory, old), { force: true });
  };
  const artefact = async (
    kind: DiagnosticKind,
    fileName: string,
    warning: string | null,
  ): Promise<DiagnosticArtefact> => {
    await prune(kind);
    return {
      kind,
      fileName,
      bytes: (await stat(join(directory, fileName))).size,
      createdAt: now(),
      downloadPath: `${DIAGNOSTICS_ROUTE_PREFIX}${fileName}`,
      warning,
    };
  };

  return {
    async cpuProfile(seconds) {
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > maxProfileSeconds)
        return refuse(
          'INVALID_DURATION',
          `seconds must be an integer from 1 to ${maxProfileSeconds}`,
        );
      const refusal = admit('cpuProfile');
      if (refusal) return refusal;
      busy = true;
      try {
        const profile: CpuProfile = await profileCpu(seconds * 1000, options.wait);
        await mkdir(directory, { recursive: true });
        const fileName = fileNameFor('cpuProfile');
        await writeFile(join(directory, fileName), JSON.stringify(profile));
        return { ok: true, artefact: await artefact('cpuProfile', fileName, null) };
      } finally {
        busy = false;
      }
    },
    async heapSnapshot(confirmPause) {
      const used = heapUsed();
      const tooLarge = checkHeapSnapshotSize(used, heapSnapshotLimitBytes);
      if (tooLarge)
        return refuse(
          'TOO_LARGE',
          `The heap holds ${Math.round(used / 1048576)} MB, over the ${Math.round(heapSnapshotLimitBytes / 1048576)} MB limit (DIAGNOSTICS_HEAP_SNAPSHOT_MAX_MB): a snapshot could exhaust memory.`,
        );
      const warning = heapSnapshotWarning(used);
      if (!confirmPause)
        return refuse('CONFIRMATION_REQUIRED', `${warning} Ask again with confirmPause: true.`);
      const refusal = admit('heapSnapshot');
      if (refusal) return refusal;
      busy = true;
      try {
        await mkdir(directory, { recursive: true });
        const fileName = fileNameFor('heapSnapshot');
        writeHeapSnapshotTo(join(directory, fileName));
        return { ok: true, artefact: await artefact('heapSnapshot', fileName, warning) };
      } finally {
        busy = false;
      }
    },
    pathOf(fileName) {
      return FILE_NAME.test(fileName) ? join(directory, fileName) : undefined;
    },
  };
}
