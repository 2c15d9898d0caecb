/**
 * The bundle budget, checked after `vite build`: at most 500 KB of JavaScript in total and 120 KB
 * for the calculator's initial load, both gzip. Prints the initial JS of every route (the entry
 * chunk, the route's chunk and everything they import statically) and exits 1 when over budget.
 *
 *   tsx apps/web/scripts/check-bundle-budget.ts [distDir]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes of gzip (level 9, as `gzip -9` and most CDNs compress). */
export const BUNDLE_BUDGETS = {
  totalJs: 500 * 1024,
  calculatorInitialJs: 120 * 1024,
} as const;

/** The page chunks, by route. */
export const ROUTE_MODULES: Readonly<Record<string, string>> = {
  '/': 'src/app/routes/calculator.tsx',
  '/monitoring': 'src/app/routes/monitoring.tsx',
  '/alerts': 'src/app/routes/alerts.tsx',
  '/performance': 'src/app/routes/performance.tsx',
  '/demo': 'src/app/routes/demo.tsx',
};

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

export interface BundleReport {
  /** Gzip bytes of every JavaScript file in the build (Service Worker included). */
  totalJs: number;
  jsFiles: number;
  /** Gzip bytes of the JavaScript each route needs before it can render. */
  routes: { route: string; initialJs: number; files: string[] }[];
  /** Loaded after the first paint (tracker, Service Worker registration). */
  deferred: { name: string; gzip: number }[];
}

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );

/** Measures a `vite build` output that was built with `build.manifest`. */
export function measureBundle(distDir: string): BundleReport {
  const manifest = JSON.parse(
    readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const sizes = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSize(join(distDir, file));
      sizes.set(file, size);
    }
    return size;
  };
  /** The chunk's file and every file it imports statically, transitively. */
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`${key} is not in the build manifest`);
    if (into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };

  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry === true);
  if (entryKey === undefined) throw new Error('The build manifest has no entry chunk');
  const entry = closure(entryKey);
  const routes = Object.entries(ROUTE_MODULES).map(([route, module]) => {
    const files = [...closure(module, new Set(entry))];
    return { route, files, initialJs: files.reduce((sum, file) => sum + sizeOf(file), 0) };
  });
  const deferred = Object.keys(manifest)
    .filter((key) => key.includes('background-tasks'))
    .map((key) => ({
      name: key,
      gzip: [...closure(key)].filter((file) => !entry.has(file)).reduce((s, f) => s + sizeOf(f), 0),
    }));
  const jsFiles = walk(distDir).filter((path) => path.endsWith('.js'));
  return {
    totalJs: jsFiles.reduce((sum, path) => sum + sizeOf(relative(distDir, path)), 0),
    jsFiles: jsFiles.length,
    routes,
    deferred,
  };
}

/** The budget's verdict: one line per problem, none when within budget. */
export function budgetProblems(report: BundleReport): string[] {
  const problems: string[] = [];
  if (report.totalJs > BUNDLE_BUDGETS.totalJs) {
    problems.push(`total JS ${kb(report.totalJs)} is over ${kb(BUNDLE_BUDGETS.totalJs)}`);
  }
  const calculator = report.routes.find((route) => route.route === '/');
  if (calculator !== undefined && calculator.initialJs > BUNDLE_BUDGETS.calculatorInitialJs) {
    problems.push(
      `the calculator's initial JS ${kb(calculator.initialJs)} is over ${kb(BUNDLE_BUDGETS.calculatorInitialJs)}`,
    );
  }
  return problems;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const distDir = resolve(
    process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'),
  );
  const report = measureBundle(distDir);
  console.log('Bundle budget (gzip -9)');
  for (const route of report.routes) {
    console.log(
      `  ${route.route.padEnd(13)} initial JS ${kb(route.initialJs).padStart(9)}  (${route.files.length} files)`,
    );
  }
  for (const chunk of report.deferred) {
    console.log(`  after paint   ${chunk.name}: ${kb(chunk.gzip)}`);
  }
  console.log(`  total JS      ${kb(report.totalJs)} in ${report.jsFiles} files`);
  console.log(
    `  budgets       total ≤ ${kb(BUNDLE_BUDGETS.totalJs)}, calculator initial ≤ ${kb(BUNDLE_BUDGETS.calculatorInitialJs)}`,
  );
  const problems = budgetProblems(report);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`Over budget: ${problem}`);
    process.exit(1);
  }
  console.log('Within budget.');
}
