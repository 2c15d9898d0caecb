import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { payloadTooLargeBody } from '../graphql/use-body-limit.ts';
import { requestTargetOf } from './request-target.ts';
import type { RequestTarget } from './request-target.ts';

/** Per-request values yoga passes to plugins and the context factory. */
export interface NodeServerContext {
  req: IncomingMessage;
  remoteAddress: string;
}

/**
 * What serves a request once the bridge let it through: yoga's own Node adapter
 * (`yoga.handle`), which builds its fetch ponyfill's `Request` and writes the `Response`.
 */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  context: { remoteAddress: string },
) => unknown;

/** An answer the bridge wrote itself, without yoga (so no plugin timed it). */
export interface BridgeAnswer {
  method: string;
  /** The path asked for, or null when the request target was unreadable. */
  pathname: string | null;
  status: number;
}

export interface NodeBridgeOptions {
  /** Bodies larger than this get 413 while they stream in. */
  maxBodyBytes: number;
  /** Methods the resource at `pathname` supports: the `Allow` header of a 405. */
  allowedMethods: (pathname: string) => string[];
  /** Told of every answer the bridge writes itself, to count it (telemetry must not throw). */
  onAnswer?: (answer: BridgeAnswer) => void;
}

/** Methods whose body, if any, nobody reads: handed on without waiting for one. */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Methods a WHATWG `Request` cannot carry (the Fetch standard forbids them: `new Request` throws,
 * which answered 500). No resource here supports them, so they get 405 (RFC 9110 §15.5.6: the
 * method is known but not supported by the target resource) rather than 501, a 5xx that would
 * count against the server for something a client chose. CONNECT comes through `refuseConnect`.
 */
const FORBIDDEN_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);
/** Every method some resource of this server answers (`OPTIONS *`). */
const SERVER_METHODS = ['GET', 'HEAD', 'POST'];

/** How reading a body ended: the whole body, too large, or cut off (timeout, client gone). */
type BodyOutcome = Buffer | 'too-large' | 'incomplete';

/**
 * Reads a request body with a hard cap, from Node's stream events (no async iterator, no
 * intermediate web stream): most bodies arrive in one chunk and are handed on as they are.
 */
function readBody(req: IncomingMessage, maxBytes: number, done: (body: BodyOutcome) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (outcome: BodyOutcome) => {
    if (finished) return;
    finished = true;
    req.off('data', onData);
    done(outcome);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) finish('too-large');
    else chunks.push(chunk);
  };
  req.on('data', onData);
  req.once('end', () => {
    finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  });
  req.once('error', () => {
    finish('incomplete');
  });
  req.once('close', () => {
    finish('incomplete');
  });
}

const errorBody = (message: string, code: string) =>
  JSON.stringify({ errors: [{ message, extensions: { code } }] });

/** Tells `onAnswer` of an answer the bridge wrote itself; telemetry never fails a request. */
function report(onAnswer: NodeBridgeOptions['onAnswer'], answer: BridgeAnswer): void {
  try {
    onAnswer?.(answer);
  } catch {
    // Telemetry never fails a request.
  }
}

/** One request passing through the bridge. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Reports an answer the bridge wrote itself, with its status. */
  answered: (status: number) => void;
}

/** Writes a JSON answer of the bridge's own; `close` ends the connection after it. */
function answer(
  exchange: Exchange,
  status: number,
  body: string,
  headers: Record<string, string> = {},
  close = true,
): void {
  exchange.res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    // The rest of a malformed request cannot be trusted: do not read another from this socket.
    ...(close ? { connection: 'close' } : {}),
    ...headers,
  });
  exchange.res.end(body);
  exchange.answered(status);
}

/**
 * The URL yoga is to serve, or null once the bridge answered what no `Request` can carry: a
 * malformed target (400), `OPTIONS *` (204 with the server's methods), a forbidden method (405).
 */
function urlToServe(
  exchange: Exchange,
  target: RequestTarget,
  allowedMethods: NodeBridgeOptions['allowedMethods'],
): URL | null {
  if (target.kind === 'invalid') {
    answer(exchange, 400, errorBody(`Bad request: ${target.reason}`, 'BAD_REQUEST'));
    return null;
  }
  if (target.kind === 'server') {
    exchange.res.writeHead(204, { allow: SERVER_METHODS.join(', '), 'content-length': '0' });
    exchange.res.end();
    exchange.answered(204);
    return null;
  }
  const { method } = exchange;
  if (FORBIDDEN_METHODS.has(method)) {
    const allow = allowedMethods(target.url.pathname).join(', ');
    answer(exchange, 405, errorBody(`Method ${method} is not allowed here`, 'METHOD_NOT_ALLOWED'), {
      allow,
    });
    return null;
  }
  return target.url;
}

/** Answers a body that did not arrive whole: 413 when too large, 408 when cut off. */
function refuseBody(exchange: Exchange, outcome: 'too-large' | 'incomplete', maxBytes: number) {
  const { req, res } = exchange;
  if (outcome === 'too-large') {
    // Stop reading: the rest of the body is not wanted, and the connection closes after the 413.
    res.once('finish', () => req.destroy());
    answer(exchange, 413, payloadTooLargeBody(maxBytes));
    return;
  }
  if (req.socket.destroyed || res.headersSent) {
    // The body never arrived whole: Node's requestTimeout answered 408 and closed the socket (or
    // the client went away). Counted as the client's, as 408.
    exchange.answered(408);
    return;
  }
  // A body stream that failed on a live socket is the client's too: 400, never a 500.
  answer(exchange, 400, errorBody('Bad request', 'BAD_REQUEST'));
}

/**
 * The adapter builds its URL from `Host` and the request line as they are (`http://<Host><target>`).
 * Where that is not the URL this server read — no or an empty `Host` (HTTP/1.0), an absolute-form
 * target (`GET http://h/p`, whose authority wins over `Host`) — the request is aligned with it, so
 * the adapter never misreads a target or throws on one (a 500 once).
 */
function alignWithTarget(req: IncomingMessage, url: URL): void {
  const host = req.headers.host;
  const target = req.url ?? '/';
  if (host !== undefined && host !== '' && target.startsWith('/')) return;
  req.headers.host = url.host;
  req.url = `${url.pathname}${url.search}`;
  Object.assign(req, { protocol: url.protocol.slice(0, -1) });
}

/**
 * Checks a Node request before yoga's own Node adapter (its fetch ponyfill) serves it. What a
 * `Request` cannot represent — a malformed `Host` or target, a forbidden method — is answered here
 * with a 4xx: nothing a client sends becomes a 500. Bodies are read here with a hard cap, so a
 * chunked upload without `content-length` cannot grow past `maxBodyBytes` (413), and handed to
 * the adapter as a buffer (`req.body`, which it takes as the request's body); requests without a
 * body go straight through. No per-request `AbortController`, `Headers` or `Request` of our own:
 * the adapter creates what yoga needs, lazily.
 */
export function createNodeBridge(handler: NodeHandler, options: NodeBridgeOptions) {
  const { maxBodyBytes } = options;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const target = requestTargetOf(req);
    const exchange: Exchange = {
      req,
      res,
      method,
      answered: (status) => {
        const pathname = target.kind === 'url' ? target.url.pathname : null;
        report(options.onAnswer, { method, pathname, status });
      },
    };
    const url = urlToServe(exchange, target, options.allowedMethods);
    if (url === null) return;
    alignWithTarget(req, url);
    const context = { remoteAddress: req.socket.remoteAddress ?? 'unknown' };
    if (BODYLESS.has(method)) {
      void handler(req, res, context);
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBodyBytes) {
      // Refused before reading: the body drains, and the connection stays usable.
      answer(exchange, 413, payloadTooLargeBody(maxBodyBytes), {}, false);
      req.resume();
      return;
    }
    readBody(req, maxBodyBytes, (body) => {
      if (typeof body === 'string') {
        refuseBody(exchange, body, maxBodyBytes);
        return;
      }
      void handler(Object.assign(req, { body }), res, context);
    });
  };
}

/** How long a refused `CONNECT` socket may take to close its side after our answer. */
const CONNECT_CLOSE_GRACE_MS = 5_000;

/**
 * Answers `CONNECT` (a proxy's method: Node hands it to the server's `connect` event, and without
 * a listener drops the socket with no answer) with 405 like the other methods nobody here serves.
 */
export function refuseConnect(options: Pick<NodeBridgeOptions, 'onAnswer'>) {
  return (req: IncomingMessage, socket: Duplex): void => {
    socket.on('error', () => {
      // The client may be gone already; nothing to answer.
    });
    // A socket handed to a `connect` listener is paused and detached from the HTTP parser: unread,
    // the client's FIN never arrives and the half-closed socket stays open (and kept `close`
    // waiting) for as long as the client likes. Discard what it sends, and close it after a grace.
    socket.resume();
    const grace = setTimeout(() => socket.destroy(), CONNECT_CLOSE_GRACE_MS);
    grace.unref();
    socket.once('close', () => {
      clearTimeout(grace);
    });
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${SERVER_METHODS.join(', ')}\r\n` +
        'Content-Length: 0\r\nConnection: close\r\n\r\n',
    );
    report(options.onAnswer, { method: req.method ?? 'CONNECT', pathname: null, status: 405 });
  };
}
