// @ts-check
/**
 * The import structure of the monorepo, checked by `npm run lint` (dependency-cruiser).
 *
 * ESLint's `import-x/no-cycle` skips `import type`, and a circle of type imports is still a circle
 * a reader has to untangle, so this cruises the TypeScript sources before compilation
 * (`tsPreCompilationDeps`): type-only imports count like any other.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No circles of imports anywhere (apps, packages, test), type-only imports included: ' +
        'move what both sides need into a module of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'packages-do-not-import-apps',
      severity: 'error',
      comment: 'Packages are libraries the apps compose; they never reach into an app.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-composition-root-from-entry-points-only',
      severity: 'error',
      comment:
        'apps/server/src/app.ts composes the whole server; only entry points may import it: ' +
        'the process entry (apps/server/src/main.ts), the test harness (apps/server/src/testing/), ' +
        "the server's scripts (apps/server/scripts/), unit tests (*.test.ts) and the cross-package " +
        'suites, their harnesses and benchmarks (test/). Features never import it (that is how ' +
        'circles through the composition root start).',
      from: {
        pathNot: [
          '^apps/server/src/main\\.ts$',
          '^apps/server/src/testing/',
          '^apps/server/scripts/',
          '\\.test\\.tsx?$',
          '^test/',
        ],
      },
      to: { path: '^apps/server/src/app\\.ts$' },
    },
    {
      name: 'packages-by-name-from-packages',
      severity: 'error',
      comment:
        'A package imports another package by its name (@taurine/<name>, through its exports), ' +
        'never by a relative path into its sources.',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/', pathNot: '^packages/$1/', dependencyTypes: ['local'] },
    },
    {
      name: 'packages-by-name-from-outside',
      severity: 'error',
      comment:
        'Apps, tests and scripts import a package by its name (@taurine/<name>, through its ' +
        'exports), never by a relative path into its sources.',
      from: { pathNot: '^packages/' },
      to: { path: '^packages/', dependencyTypes: ['local'] },
    },
  ],
  options: {
    // Workspace packages resolve through node_modules symlinks to packages/<name>/src, so their
    // modules are cruised (and circles through them found); third-party packages are not entered.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/', '^coverage/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // Unchanged modules are not parsed again (keyed by content, so it is right after any checkout).
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
