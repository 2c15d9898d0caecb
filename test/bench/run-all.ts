/**
 * `npm run bench`: runs every benchmark module in this folder, one after the other, in one process,
 * so rows compared side by side were measured on the same machine at the same time.
 * `npm run bench -- metrics cache` runs only the named modules; `--list` names them.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failUsage, parseCli } from '../../scripts/cli-args.ts';

const TOOL = 'bench';
const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
const names = available.map((file) => file.slice(0, -'.bench.ts'.length));

const USAGE = `
Usage: npm run bench -- [NAME...] [--list]

Runs the benchmarks (all of them, or those whose name starts with a NAME) in one process and
prints their tables.

Benchmarks: ${names.join(', ')}

Options:
  --list      print the benchmark names and exit
  -h, --help  print this help
`;

const { values, positionals } = parseCli({
  tool: TOOL,
  usage: USAGE,
  options: { list: { type: 'boolean' } },
  allowPositionals: true,
});
if (values['list'] === true) {
  console.log(names.join('\n'));
  process.exit(0);
}
for (const name of positionals) {
  if (!names.some((candidate) => candidate.startsWith(name))) {
    failUsage(TOOL, `unknown benchmark "${name}" (available: ${names.join(', ')})`);
  }
}
const modules = available.filter(
  (file) => positionals.length === 0 || positionals.some((name) => file.startsWith(name)),
);

for (const file of modules) {
  const mod = (await import(join(here, file))) as { run: () => Promise<void> };
  console.log(`\n## ${file}`);
  await mod.run();
}
