/**
 * Compiles the server (`apps/server/src/main.ts` and the workspace packages it imports, which are
 * TypeScript sources) into one JavaScript file with esbuild, so the HTTP benchmark can run it
 * with plain `node` and put a number on what the `tsx` loader costs. Dependencies from
 * node_modules stay outside the bundle, imported by their resolved path: Node loads the very files
 * it would load under tsx (no second copy of graphql, native modules where they are).
 *
 * The bundle is written into `apps/server/<outDir>/main.js`, at the depth of `src/main.ts`, so
 * paths the server derives from its own location (the SPA's `dist`, the repository root) hold.
 */
import { isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

const SERVER = resolve(fileURLToPath(import.meta.url), '../../../apps/server');

/**
 * Imports from node_modules become external imports of the file Node itself would load: esbuild
 * resolves them as an `import` (package `exports`, `main` before `module`, as Node does) and
 * the bundle imports that file by its path, since the bundle's folder does not see every package.
 */
const externalDependencies: Plugin = {
  name: 'external-dependencies',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@taurine/') || args.pluginData === SELF) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: SELF,
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/** Marks the plugin's own resolve calls, so it does not answer them again. */
const SELF = Symbol('external-dependencies');

/** Builds `apps/server/<outDir>/main.js` and returns its path. */
export async function buildCompiledServer(outDir = 'dist'): Promise<string> {
  const outfile = join(SERVER, outDir, 'main.js');
  await build({
    entryPoints: [join(SERVER, 'src/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Node's own resolution: `main` before `module`, no bundler-only `module` condition.
    mainFields: ['main', 'module'],
    conditions: ['node'],
    plugins: [externalDependencies],
  });
  return outfile;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = await buildCompiledServer(process.argv[2]);
  console.log(`built ${outfile} (run it from ${dirname(outfile)}: node main.js)`);
}
