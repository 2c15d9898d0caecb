import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Where the GraphiQL page's own files are served (a prefix no SPA route uses). */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

/** One file of the GraphiQL page, named after its content so it can be cached for a year. */
export interface GraphiQLAsset {
  /** The file name under {@link GRAPHIQL_ASSET_PREFIX}, e.g. `graphiql.3f9a1c2b7d0e.js`. */
  fileName: string;
  contentType: string;
  body: Buffer;
  etag: string;
  /** Compressed on first request, then kept. */
  gzip: Promise<Buffer> | null;
}

/** The page's files by role, as the page and the boot script refer to them. */
export interface GraphiQLAssets {
  byFileName: ReadonlyMap<string, GraphiQLAsset>;
  css: GraphiQLAsset;
  js: GraphiQLAsset;
  favicon: GraphiQLAsset;
  boot: GraphiQLAsset;
  editorWorker: GraphiQLAsset;
  jsonWorker: GraphiQLAsset;
  graphqlWorker: GraphiQLAsset;
}

/**
 * Runs before the GraphiQL bundle: tells Monaco where its workers are (files of this server, so
 * nothing comes from a CDN), then renders GraphiQL with the options the page carries as JSON.
 * A file rather than an inline script, so a `script-src 'self'` policy allows it.
 */
const BOOT_SCRIPT = `(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return config.workers[label] || config.workers.editorWorkerService;
    },
  };
  document.addEventListener('DOMContentLoaded', function () {
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), config.options);
  });
})();
`;

const JS = 'text/javascript; charset=utf-8';

function asset(name: string, extension: string, contentType: string, body: Buffer): GraphiQLAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    fileName: `${name}.${hash}.${extension}`,
    contentType,
    body,
    etag: `"${hash}"`,
    gzip: null,
  };
}

function fromDataUri(dataUri: string): { contentType: string; body: Buffer } {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUri);
  if (match === null) return { contentType: 'image/x-icon', body: Buffer.alloc(0) };
  return { contentType: match[1]!, body: Buffer.from(match[2]!, 'base64') };
}

let loading: Promise<GraphiQLAssets> | undefined;

/**
 * The GraphiQL bundle of `@graphql-yoga/render-graphiql` (its CSS, JS, favicon and Monaco
 * workers), split into files. Loaded on the first GraphiQL request, not at start-up: the bundle
 * is about 9 MB of strings a server that never shows GraphiQL should not hold.
 */
export function loadGraphiQLAssets(): Promise<GraphiQLAssets> {
  loading ??= import('@graphql-yoga/render-graphiql/graphiql').then((bundle) => {
    const icon = fromDataUri(bundle.favicon);
    const assets = {
      css: asset('graphiql', 'css', 'text/css; charset=utf-8', Buffer.from(bundle.css)),
      js: asset('graphiql', 'js', JS, Buffer.from(bundle.js)),
      favicon: asset('favicon', 'ico', icon.contentType, icon.body),
      boot: asset('boot', 'js', JS, Buffer.from(BOOT_SCRIPT)),
      editorWorker: asset('editor.worker', 'js', JS, Buffer.from(bundle.editorWorkerService)),
      jsonWorker: asset('json.worker', 'js', JS, Buffer.from(bundle.jsonWorker)),
      graphqlWorker: asset('graphql.worker', 'js', JS, Buffer.from(bundle.graphqlWorker)),
    };
    return {
      ...assets,
      byFileName: new Map(Object.values(assets).map((file) => [file.fileName, file])),
    };
  });
  return loading;
}

/** The gzip copy of an asset, compressed once (off the event loop) and then reused. */
export function gzipped(file: GraphiQLAsset): Promise<Buffer> {
  file.gzip ??= gzipAsync(file.body);
  return file.gzip;
}
