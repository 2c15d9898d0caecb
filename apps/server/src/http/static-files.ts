import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { RouteHandler } from './use-routes.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.webmanifest',
  '.txt',
  '.map',
]);

interface CachedFile {
  body: Buffer;
  gzip: Buffer | null;
  brotli: Buffer | null;
  etag: string;
}

/** Options of {@link createStaticHandler}. */
export interface StaticHandlerOptions {
  /**
   * Origins whose pages may frame the SPA (embedded dashboards), besides its own: the HTML's
   * `Content-Security-Policy: frame-ancestors`. @default [] (same origin only)
   */
  embedOrigins?: readonly string[];
}

/**
 * Serves the built SPA. Hashed files under `/assets/` are immutable for a year; everything else
 * (index.html, the service worker, the manifest) must be revalidated so a deploy shows at once.
 * Unknown paths without an extension get `index.html` (client-side routes). Files are compressed
 * once and kept in memory: the SPA is small and this keeps every later response a buffer copy.
 */
export function createStaticHandler(
  distDir: string,
  options: StaticHandlerOptions = {},
): RouteHandler {
  const frameAncestors = ["'self'", ...(options.embedOrigins ?? [])].join(' ');
  const root = normalize(distDir);
  const cache = new Map<string, CachedFile>();

  const load = async (path: string): Promise<CachedFile | null> => {
    const cached = cache.get(path);
    if (cached) return cached;
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      const body = await readFile(path);
      const compressible = COMPRESSIBLE.has(extname(path)) && body.length > 512;
      const file: CachedFile = {
        body,
        gzip: compressible ? gzipSync(body) : null,
        brotli: compressible ? brotliCompressSync(body) : null,
        etag: `"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`,
      };
      cache.set(path, file);
      return file;
    } catch {
      return null;
    }
  };

  return async (request, url) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad Request', { status: 400 });
    }
    const candidate = normalize(join(root, pathname));
    if (candidate !== root && !candidate.startsWith(root + sep)) {
      return new Response('Not Found', { status: 404 });
    }
    const isRoute = extname(pathname) === '';
    const path = isRoute ? join(root, 'index.html') : candidate;
    const file = await load(path);
    if (!file) return new Response('Not Found', { status: 404 });

    const immutable = pathname.startsWith('/assets/');
    const headers = new Headers({
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: file.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    });
    // Only pages can be framed: the policy on the HTML decides who may embed a dashboard.
    if (extname(path) === '.html') {
      headers.set('content-security-policy', `frame-ancestors ${frameAncestors}`);
    }
    if (request.headers.get('if-none-match') === file.etag) {
      return new Response(null, { status: 304, headers });
    }
    const accepted = request.headers.get('accept-encoding') ?? '';
    let body = file.body;
    if (file.brotli && /\bbr\b/.test(accepted)) {
      body = file.brotli;
      headers.set('content-encoding', 'br');
    } else if (file.gzip && /\bgzip\b/.test(accepted)) {
      body = file.gzip;
      headers.set('content-encoding', 'gzip');
    }
    headers.set('content-length', String(body.length));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers });
  };
}
