import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PROMTOOL = '/usr/bin/promtool';

/**
 * The path of Prometheus' `promtool`, installing Debian's `prometheus` package when it is missing
 * (the tests that validate `/metrics` need the real checker; `.ci/run` installs it up front too).
 * Throws a clear message when it cannot be installed, instead of skipping the check.
 */
export function ensurePromtool(): string {
  if (existsSync(PROMTOOL)) return PROMTOOL;
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', timeout: 180_000 });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'prometheus'], {
      stdio: 'ignore',
      timeout: 300_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    throw new Error(
      `promtool is missing and installing Debian's prometheus package failed (${String(error)}). Install it with: apt-get install prometheus`,
    );
  }
  if (!existsSync(PROMTOOL)) throw new Error(`promtool is still missing at ${PROMTOOL}`);
  return PROMTOOL;
}
