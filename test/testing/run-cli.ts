import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const TSX = createRequire(resolve(ROOT, 'package.json')).resolve('tsx');

/** How a CLI run ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a repository CLI as `npm run` does (tsx), and resolves with its exit code and output. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', pathToFileURL(TSX).href, resolve(ROOT, script), ...args],
      { cwd: ROOT, timeout: 60_000, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        done({ code: error === null ? 0 : (error.code as number | null), stdout, stderr });
      },
    );
  });
}
