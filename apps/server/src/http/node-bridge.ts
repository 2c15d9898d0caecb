import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Duplex } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { payloadTooLarge } from '../graphql/use-body-limit.ts';
import { requestTargetOf } from './request-target.ts';
import type { RequestTarget } from './request-target.ts';

/** Per-request values yoga passes to plugins and the context factory. */
export interface NodeServerContext {
  req: IncomingMessage;
  remoteAddress: string;
}

type FetchHandler = (request: Request, context: NodeServerContext) => Promise<Response> | Response;

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

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const errorBody = (message: string, code: string) =>
  JSON.stringify({ errors: [{ message, extensions: { code } }] });

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value))
      value.forEach((v) => {
        headers.append(name, v);
      });
    else headers.set(name, value);
  }
  return headers;
}

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
  /** The path asked for, or null when the request target was unreadable. */
  pathname: string | null;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Reports an answer the bridge wrote itself, with its status. */
  answered: (status: number) => void;
}

/** Answers a JSON error and closes the connection. */
function refuse(
  exchange: Exchange,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  exchange.res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    // The rest of a malformed request cannot be trusted: do not read another from this socket.
    connection: 'close',
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
    refuse(exchange, 400, errorBody(`Bad request: ${target.reason}`, 'BAD_REQUEST'));
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
    refuse(exchange, 405, errorBody(`Method ${method} is not allowed here`, 'METHOD_NOT_ALLOWED'), {
      allow,
    });
    return null;
  }
  return target.url;
}

/**
 * The WHATWG `Request` for `url`, its body read with a hard cap; or null once the bridge answered
 * itself: 413 for a body too large (declared or streamed), 408 for one that never arrived whole,
 * 400 for what the Fetch API refuses.
 */
async function toFetchRequest(
  exchange: Exchange,
  url: URL,
  maxBodyBytes: number,
): Promise<Request | null> {
  const { req, res, method, signal } = exchange;
  try {
    const headers = headersOf(req);
    let body: Buffer | undefined;
    if (!BODYLESS.has(method)) {
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > maxBodyBytes) {
        await writeResponse(res, payloadTooLarge(maxBodyBytes), signal);
        exchange.answered(413);
        req.resume();
        return null;
      }
      body = await readBody(req, maxBodyBytes);
      headers.set('content-length', String(body.length));
      headers.delete('transfer-encoding');
    }
    return new Request(url, {
      method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      signal,
    });
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      await writeResponse(res, payloadTooLarge(maxBodyBytes), signal);
      exchange.answered(413);
      req.destroy();
      return null;
    }
    if (req.socket.destroyed) {
      // The body never arrived whole: Node's requestTimeout answered 408 and closed the socket
      // (or the client went away). Counted as the client's, as 408.
      exchange.answered(408);
      return null;
    }
    // A request the Fetch API refuses (a header it will not carry) is the client's: 400, never
    // a 500 counted against the server.
    if (!res.headersSent) refuse(exchange, 400, errorBody('Bad request', 'BAD_REQUEST'));
    else res.destroy();
    return null;
  }
}

/** Hands `request` to yoga and writes its answer; a failure is a masked 500. */
async function forward(exchange: Exchange, handler: FetchHandler, request: Request) {
  const { req, res } = exchange;
  try {
    const response = await handler(request, {
      req,
      remoteAddress: req.socket.remoteAddress ?? 'unknown',
    });
    await writeResponse(res, response, exchange.signal);
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Unexpected error' }] }));
      exchange.answered(500);
    } else {
      res.destroy();
    }
  }
}

/**
 * Turns a Node request into a WHATWG `Request` for yoga and writes the `Response` back. The body is
 * read here with a hard cap, so a chunked upload without `content-length` cannot grow past
 * `maxBodyBytes`; streamed responses (SSE) are piped and stopped when the client goes away. What a
 * `Request` cannot represent — a malformed `Host` or target, a forbidden method — is answered here
 * with a 4xx: nothing a client sends becomes a 500.
 */
export function createNodeBridge(handler: FetchHandler, options: NodeBridgeOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const abort = new AbortController();
    res.on('close', () => {
      abort.abort();
    });
    const method = req.method ?? 'GET';
    const target = requestTargetOf(req);
    const pathname = target.kind === 'url' ? target.url.pathname : null;
    const exchange: Exchange = {
      req,
      res,
      method,
      pathname,
      signal: abort.signal,
      answered: (status) => {
        report(options.onAnswer, { method, pathname, status });
      },
    };
    const url = urlToServe(exchange, target, options.allowedMethods);
    if (url === null) return;
    const request = await toFetchRequest(exchange, url, options.maxBodyBytes);
    if (request === null) return;
    await forward(exchange, handler, request);
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

async function writeResponse(res: ServerResponse, response: Response, signal: AbortSignal) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const stream = Readable.fromWeb(response.body as NodeReadableStream);
  signal.addEventListener('abort', () => stream.destroy(), { once: true });
  await new Promise<void>((resolve) => {
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', resolve);
    stream.pipe(res);
  });
}
