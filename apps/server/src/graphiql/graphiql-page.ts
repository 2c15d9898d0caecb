import type { GraphiQLOptions } from 'graphql-yoga';
import type { Route } from '../http/use-routes.ts';
import { GRAPHIQL_ASSET_PREFIX, gzipped, loadGraphiQLAssets } from './graphiql-assets.ts';

/** What GraphiQL opens with: a query anyone may run, and how to send a key for the rest. */
const DEFAULT_QUERY = `# Welcome to Taurine's GraphiQL.
#
# Calculator queries (flavors, ingredients, calculate) need no key. Dashboard data (metrics,
# stats, alerts, caches) needs an API key: put it in the Headers tab below as
#
#   { "x-api-key": "tk_…" }
#
# (the first start prints an admin key; npm run keys -- create --role viewer makes one), then
# try { stats(name: "api.responseTime", window: LAST_1H) { count p50 p95 p99 } }
query Flavors {
  flavors(first: 5) {
    edges { node { name brand caffeineMg } }
    totalCount
  }
}
`;

/** Taurine's GraphiQL: the key goes in the Headers tab, shown at once. */
export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'Taurine GraphiQL',
  subscriptionsProtocol: 'WS',
  defaultQuery: DEFAULT_QUERY,
  defaultEditorToolsVisibility: 'headers',
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** JSON that is safe inside `<script type="application/json">` (no `</script>`, no `<!--`). */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Renders GraphiQL for yoga's `renderGraphiQL`: the same GraphiQL as yoga's default page, but
 * every file (styles, script, Monaco workers, icon) comes from this server under `/graphiql/`,
 * so it works without internet, and the page has no inline script.
 */
export async function renderGraphiQLPage(options: GraphiQLOptions): Promise<string> {
  const assets = await loadGraphiQLAssets();
  const url = (file: { fileName: string }) => `${GRAPHIQL_ASSET_PREFIX}${file.fileName}`;
  const config = {
    options,
    workers: {
      editorWorkerService: url(assets.editorWorker),
      json: url(assets.jsonWorker),
      graphql: url(assets.graphqlWorker),
    },
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${url(assets.favicon)}" />
    <link rel="stylesheet" href="${url(assets.css)}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-config">${scriptJson(config)}</script>
    <script src="${url(assets.boot)}"></script>
    <script src="${url(assets.js)}"></script>
  </body>
</html>
`;
}

/**
 * Serves GraphiQL's files under `/graphiql/`. Names carry a content hash, so responses are
 * immutable for a year; gzip when the browser takes it (the script is 5 MB, 1.3 MB gzipped).
 */
export const graphiqlAssetRoute: Route = {
  method: 'GET',
  path: `${GRAPHIQL_ASSET_PREFIX}*`,
  access: 'public',
  // Static, immutable files, like the SPA's: not counted against a caller's rate limit.
  unlimited: true,
  handler: async (request, url) => {
    const assets = await loadGraphiQLAssets();
    const file = assets.byFileName.get(url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length));
    if (file === undefined) return new Response('Not Found', { status: 404 });
    const headers = new Headers({
      'content-type': file.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: file.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    });
    if (request.headers.get('if-none-match') === file.etag) {
      return new Response(null, { status: 304, headers });
    }
    let body = file.body;
    if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '') && body.length > 1024) {
      body = await gzipped(file);
      headers.set('content-encoding', 'gzip');
    }
    headers.set('content-length', String(body.length));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers });
  },
};
