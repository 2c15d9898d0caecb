import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import type { CpuProfile } from './cpu-profiler.ts';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});
const testApp = async (env: Record<string, string> = {}) => {
  const app = await createTestApp(env);
  apps.push(app);
  return app;
};

type Result =
  | { __typename: 'DiagnosticFile'; downloadPath: string; fileName: string; bytes: number }
  | { __typename: 'DiagnosticError'; code: string; message: string };
const RESULT = `{ __typename ... on DiagnosticFile { downloadPath fileName bytes warning }
  ... on DiagnosticError { code message } }`;
const cpuProfile = (app: TestApp, seconds: number, key?: string) =>
  app.graphql<{ captureCpuProfile: Result }>(
    `mutation { captureCpuProfile(seconds: ${seconds}) ${RESULT} }`,
    undefined,
    key === undefined ? {} : { 'x-api-key': key },
  );
const heapSnapshot = (app: TestApp, confirmPause: boolean) =>
  app.graphql<{ captureHeapSnapshot: Result }>(
    `mutation { captureHeapSnapshot(confirmPause: ${confirmPause}) ${RESULT} }`,
  );

describe('CPU profile', () => {
  it('is a valid .cpuprofile, downloadable by an admin, and audited', async () => {
    const app = await testApp();
    const result = (await cpuProfile(app, 1)).data!.captureCpuProfile;
    if (result.__typename !== 'DiagnosticFile') throw new Error(result.message);
    expect(result.fileName).toMatch(/^cpu-\d+-[0-9a-f]{8}\.cpuprofile$/);

    const download = await app.yoga.fetch(`http://localhost${result.downloadPath}`, {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="${result.fileName}"`,
    );
    const profile = JSON.parse(await download.text()) as CpuProfile;
    expect(profile.nodes.length).toBeGreaterThan(0);
    expect(profile.nodes[0]!.callFrame.functionName).toBe('(root)');
    expect(profile.samples.length).toBeGreaterThan(0);
    expect(profile.timeDeltas).toHaveLength(profile.samples.length);
    const ids = new Set(profile.nodes.map((node) => node.id));
    expect(profile.samples.every((id) => ids.has(id))).toBe(true);
    expect(profile.endTime).toBeGreaterThan(profile.startTime);

    const actions = (await app.services.store.auditLog.list({ limit: 10 })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['mutation:captureCpuProfile', 'rest:downloadDiagnostic']),
    );
  });

  it('is for admins only, and its files too', async () => {
    const app = await testApp();
    const operator = await app.createKey('operator');
    expect((await cpuProfile(app, 1, operator)).errors?.[0]?.extensions?.['code']).toBe(
      'FORBIDDEN',
    );
    const anonymous = await app.yoga.fetch(
      'http://localhost/api/diagnostics/cpu-1-00000000.cpuprofile',
    );
    expect(anonymous.status).toBe(401);
    const unknown = await app.yoga.fetch('http://localhost/api/diagnostics/..%2Ftaurine.sqlite', {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(unknown.status).toBe(404);
    const malformed = await app.yoga.fetch('http://localhost/api/diagnostics/%E0%A4%A', {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(malformed.status).toBe(404);
  });

  it('refuses a bad duration and is rate-limited', async () => {
    const app = await testApp({ DIAGNOSTICS_PER_HOUR: '1' });
    expect((await cpuProfile(app, 0)).data!.captureCpuProfile).toMatchObject({
      code: 'INVALID_DURATION',
    });
    expect((await cpuProfile(app, 1)).data!.captureCpuProfile.__typename).toBe('DiagnosticFile');
    expect((await cpuProfile(app, 1)).data!.captureCpuProfile).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^At most 1 per hour; try again in \d+ s\.$/) as string,
    });
  });
});

describe('heap snapshot', () => {
  it('is refused when the heap is over the size limit', async () => {
    const app = await testApp({ DIAGNOSTICS_HEAP_SNAPSHOT_MAX_MB: '1' });
    expect((await heapSnapshot(app, true)).data!.captureHeapSnapshot).toMatchObject({
      __typename: 'DiagnosticError',
      code: 'TOO_LARGE',
      message: expect.stringContaining('over the 1 MB limit') as string,
    });
    const [entry] = await app.services.store.auditLog.list({ limit: 1 });
    expect(entry).toMatchObject({
      action: 'mutation:captureHeapSnapshot',
      result: 'DIAGNOSTIC_ERROR',
    });
  });

  it('warns that it pauses the process and waits for confirmation', async () => {
    const app = await testApp();
    expect((await heapSnapshot(app, false)).data!.captureHeapSnapshot).toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      message: expect.stringContaining('stops this process while it is written') as string,
    });
  });

  it('writes a snapshot once confirmed, downloadable by an admin', async () => {
    const app = await testApp({ DIAGNOSTICS_HEAP_SNAPSHOT_MAX_MB: '4096' });
    const result = (await heapSnapshot(app, true)).data!.captureHeapSnapshot;
    if (result.__typename !== 'DiagnosticFile') throw new Error(result.message);
    expect(result.fileName).toMatch(/\.heapsnapshot$/);
    const download = await app.yoga.fetch(`http://localhost${result.downloadPath}`, {
      headers: { 'x-api-key': app.adminKey },
    });
    expect(download.status).toBe(200);
    expect(Number(download.headers.get('content-length'))).toBe(result.bytes);
    // A heap snapshot is JSON opening with its `snapshot.meta` (what DevTools reads first).
    const reader = download.body!.getReader();
    const { value } = await reader.read();
    await reader.cancel();
    expect(new TextDecoder().decode(value).startsWith('{"snapshot":{"meta":')).toBe(true);
  });
});
