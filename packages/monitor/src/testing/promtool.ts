import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The path of Prometheus' `promtool`, for the tests that validate an exposition with the real
 * checker. Tests install nothing: when it is missing this throws with what to install (Debian's
 * `prometheus` package, which `.ci/run` installs on CI), instead of skipping the check.
 */
export function requirePromtool(): string {
  const directories = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/bin'];
  const found = directories
    .filter((directory) => directory !== '')
    .map((directory) => join(directory, 'promtool'))
    .find((candidate) => existsSync(candidate));
  if (found !== undefined) return found;
  throw new Error(
    "promtool is not installed: these tests check the metrics exposition with Prometheus' own " +
      "checker. Install Debian's prometheus package (sudo apt-get install prometheus), as .ci/run does.",
  );
}
