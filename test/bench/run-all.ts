/**
 * `npm run bench`: runs every benchmark module in this folder, one after the other, in one process,
 * so rows compared side by side were measured on the same machine at the same time.
 * `npm run bench -- metrics cache` runs only the named modules.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

for (const file of modules) {
  const mod = (await import(join(here, file))) as { run: () => Promise<void> };
  console.log(`\n## ${file}`);
  await mod.run();
}
