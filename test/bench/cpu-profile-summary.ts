/**
 * Sums a V8 `.cpuprofile` (from `node --cpu-prof`) by function and by file: self time (the
 * function itself was running) and inclusive time (it was on the stack; recursion counted once).
 *
 *   npx tsx test/bench/cpu-profile-summary.ts <file.cpuprofile> [top=25] [lastSeconds]
 *
 * With `lastSeconds`, only the profile's last seconds count (the load, not the start-up).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A short, readable location: the package (or repository path) and the line. */
function fileOf(url: string): string {
  if (url === '') return '(native)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(
    url,
  );
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  const repo = /\/(apps|packages|test)\/(.*)$/.exec(url);
  if (repo) return `${repo[1]}/${repo[2]}`;
  return url.replace(/^file:\/\//, '');
}

interface Totals {
  self: Map<string, number>;
  inclusive: Map<string, number>;
  total: number;
}

function summarise(
  profile: CpuProfile,
  keyOf: (node: ProfileNode) => string,
  lastMicros: number,
): Totals {
  const selfById = new Map<number, number>();
  const end = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < end - lastMicros) return;
    selfById.set(id, (selfById.get(id) ?? 0) + delta);
  });
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const onStack = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) =>
    map.set(key, (map.get(key) ?? 0) + value);
  // Iterative DFS: returns each node's inclusive time; a key counts only at its outermost frame.
  const visit = (root: ProfileNode): number => {
    const key = keyOf(root);
    onStack.set(key, (onStack.get(key) ?? 0) + 1);
    let time = selfById.get(root.id) ?? 0;
    add(self, key, time);
    for (const child of root.children ?? []) time += visit(byId.get(child)!);
    const depth = onStack.get(key)! - 1;
    onStack.set(key, depth);
    if (depth === 0) add(inclusive, key, time);
    return time;
  };
  const total = visit(profile.nodes[0]!);
  return { self, inclusive, total };
}

function print(title: string, totals: Totals, top: number): void {
  const pct = (value: number) => `${((value / totals.total) * 100).toFixed(1).padStart(5)} %`;
  for (const [label, map] of [
    ['self', totals.self],
    ['inclusive', totals.inclusive],
  ] as const) {
    console.log(`\n${title}, by ${label} time (total ${(totals.total / 1000).toFixed(0)} ms)`);
    const rows = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [key, value] of rows) console.log(`${pct(value)}  ${key}`);
  }
}

const [file, topText, lastText] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: cpu-profile-summary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const top = Number(topText ?? 25);
const lastMicros = lastText === undefined ? Infinity : Number(lastText) * 1e6;
print(
  'Functions',
  summarise(
    profile,
    (node) => {
      const { functionName, url, lineNumber } = node.callFrame;
      return `${functionName || '(anonymous)'}  ${fileOf(url)}:${lineNumber + 1}`;
    },
    lastMicros,
  ),
  top,
);
print(
  'Files',
  summarise(profile, (node) => fileOf(node.callFrame.url), lastMicros),
  top,
);
