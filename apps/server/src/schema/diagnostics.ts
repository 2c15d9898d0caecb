import type { DiagnosticArtefact, DiagnosticResult } from '../diagnostics/diagnostics-service.ts';
import { builder } from './builder.ts';

const DiagnosticFileRef = builder.objectRef<DiagnosticArtefact>('DiagnosticFile').implement({
  description:
    'A diagnostic file of this instance, ready to download with an admin key (`GET downloadPath`). A `.cpuprofile` opens in Chrome DevTools (Performance) or VS Code; a `.heapsnapshot` in DevTools (Memory).',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: '`cpuProfile` or `heapSnapshot`.' }),
    fileName: t.exposeString('fileName'),
    bytes: t.exposeFloat('bytes'),
    createdAt: t.field({ type: 'DateTime', resolve: (file) => new Date(file.createdAt) }),
    downloadPath: t.exposeString('downloadPath', {
      description: 'REST path of the file, e.g. `/api/diagnostics/cpu-….cpuprofile` (admin key).',
    }),
    warning: t.exposeString('warning', { nullable: true }),
  }),
});

type Refusal = Extract<DiagnosticResult, { ok: false }>;

const DiagnosticErrorRef = builder.objectRef<Refusal>('DiagnosticError').implement({
  description: 'The diagnostic was not taken; nothing ran. `code` says why.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        '`RATE_LIMITED`, `BUSY` (another runs), `TOO_LARGE` (heap over the snapshot limit), `CONFIRMATION_REQUIRED` (the pause warning), `INVALID_DURATION`.',
    }),
    message: t.exposeString('message'),
  }),
});

const DiagnosticResultRef = builder.unionType('DiagnosticResult', {
  types: [DiagnosticFileRef, DiagnosticErrorRef],
  resolveType: (value) => ('code' in value ? DiagnosticErrorRef : DiagnosticFileRef),
});

const answerOf = (result: DiagnosticResult) => (result.ok ? result.artefact : result);

/** Role: admin. */
builder.mutationField('captureCpuProfile', (t) =>
  t.field({
    authScopes: { admin: true },
    type: DiagnosticResultRef,
    description:
      'Profiles this instance’s CPU for `seconds` (node:inspector) and answers when done with the `.cpuprofile` to download. One diagnostic at a time, `DIAGNOSTICS_PER_HOUR` per hour.',
    args: { seconds: t.arg.int({ required: true, description: '1..60.' }) },
    resolve: async (_root, args, { services }) =>
      answerOf(await services.operations.diagnostics.cpuProfile(args.seconds)),
  }),
);

/** Role: admin. */
builder.mutationField('captureHeapSnapshot', (t) =>
  t.field({
    authScopes: { admin: true },
    type: DiagnosticResultRef,
    description:
      'Writes a heap snapshot of this instance. It PAUSES the process while written: without `confirmPause: true` the answer is the warning (`CONFIRMATION_REQUIRED`); a heap over `DIAGNOSTICS_HEAP_SNAPSHOT_MAX_MB` is refused (`TOO_LARGE`).',
    args: { confirmPause: t.arg.boolean({ required: true }) },
    resolve: async (_root, args, { services }) =>
      answerOf(await services.operations.diagnostics.heapSnapshot(args.confirmPause)),
  }),
);
