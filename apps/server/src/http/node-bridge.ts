import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { payloadTooLarge } from '../plugins/use-body-limit.ts';

/** Per-request values yoga passes to plugins and the context factory. */
export interface NodeServerContext {
  req: IncomingMessage;
  remoteAddress: string;
}

type FetchHandler = (request: Request, context: NodeServerContext) => Promise<Response> | Response;

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

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

/**
 * Turns a Node request into a WHATWG `Request` for yoga and writes the `Response` back. The body is
 * read here with a hard cap, so a chunked upload without `content-length` cannot grow past
 * `maxBodyBytes`; streamed responses (SSE) are piped and stopped when the client goes away.
 */
export function createNodeBridge(handler: FetchHandler, options: { maxBodyBytes: number }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const abort = new AbortController();
    res.on('close', () => {
      abort.abort();
    });
    try {
      const method = req.method ?? 'GET';
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        if (Array.isArray(value))
          value.forEach((v) => {
            headers.append(name, v);
          });
        else headers.set(name, value);
      }
      let body: Buffer | undefined;
      if (!BODYLESS.has(method)) {
        const declared = Number(req.headers['content-length'] ?? '0');
        if (declared > options.maxBodyBytes) {
          await writeResponse(res, payloadTooLarge(options.maxBodyBytes), abort.signal);
          req.resume();
          return;
        }
        body = await readBody(req, options.maxBodyBytes);
        headers.set('content-length', String(body.length));
        headers.delete('transfer-encoding');
      }
      const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
      const request = new Request(url, {
        method,
        headers,
        body: body ? new Uint8Array(body) : undefined,
        signal: abort.signal,
      });
      const response = await handler(request, {
        req,
        remoteAddress: req.socket.remoteAddress ?? 'unknown',
      });
      await writeResponse(res, response, abort.signal);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        await writeResponse(res, payloadTooLarge(options.maxBodyBytes), abort.signal);
        req.destroy();
        return;
      }
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'Unexpected error' }] }));
      } else {
        res.destroy();
      }
    }
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
