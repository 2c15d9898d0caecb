import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';

/** A port on 127.0.0.1 that nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((closed) =>
    server.close(() => {
      closed();
    }),
  );
  return port;
}

const LOADTEST = 'scripts/loadtest.ts';
const BENCH = 'test/bench/run-all.ts';

describe.concurrent('npm run loadtest', () => {
  it('prints its usage on --help and exits 0', async () => {
    const run = await runCli(LOADTEST, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run loadtest -- [--users N]');
    expect(run.stdout).toContain('--duration TIME');
  });

  it.each([
    [['--users', '-3'], 'loadtest: --users must be an integer from 1 to 5000 (got "-3")'],
    [['--duration', 'soon'], 'loadtest: --duration must look like 60s, 2m or 500ms (got "soon")'],
    [['--verbose'], "loadtest: Unknown option '--verbose'"],
  ])('refuses %j with one line on stderr and exit code 2', async (args, line) => {
    const run = await runCli(LOADTEST, args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(line);
    expect(run.stdout).toBe('');
  });

  it('stops at once with a clear message when nothing answers at the URL', async () => {
    const port = await deadPort();
    const run = await runCli(LOADTEST, ['--url', `http://127.0.0.1:${port}`, '--duration', '5m']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`loadtest: cannot reach http://127.0.0.1:${port}/graphql`);
    expect(run.stderr).toContain('ECONNREFUSED');
  });
});

describe.concurrent('npm run bench', () => {
  it('prints its usage with the benchmark names on --help and exits 0', async () => {
    const run = await runCli(BENCH, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run bench -- [NAME...]');
    expect(run.stdout).toContain('alerting, cache');
  });

  it('refuses an unknown benchmark or flag with one line and exit code 2', async () => {
    const unknown = await runCli(BENCH, ['nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/^bench: unknown benchmark "nosuch" \(available: /);
    const flag = await runCli(BENCH, ['--fast']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim()).toBe("bench: Unknown option '--fast' (see --help)");
  });
});
