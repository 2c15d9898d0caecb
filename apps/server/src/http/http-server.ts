import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What one client may hold of the HTTP server, set on purpose rather than left at Node's
 * defaults (300 s for a request body that never completes, no connection limit).
 */
export interface HttpServerLimits {
  /** Time to receive a request's headers; then 408 and the socket closes. @default 10000 */
  headersTimeoutMs: number;
  /**
   * Time to receive a whole request, body included; then 408 and the socket closes. A 1 MiB body
   * (the default `MAX_BODY_BYTES`) fits in 30 s at 35 KB/s. Streaming responses (SSE) and
   * WebSockets are not cut: it covers receiving the request only. @default 30000
   */
  requestTimeoutMs: number;
  /**
   * How long an idle keep-alive connection stays open. Above the 60 s idle timeout of common load
   * balancers (AWS ALB, nginx), so the balancer, not this server, closes idle connections and
   * never sends a request on a socket this server is closing. @default 65000
   */
  keepAliveTimeoutMs: number;
  /**
   * Open connections (HTTP and WebSocket) at most; further connections are closed at once, without
   * an answer, while open ones keep being served. Keep it below the process's open-file limit.
   * @default 10000
   */
  maxConnections: number;
}

/** The defaults of {@link HttpServerLimits}, as data (the configuration reads them). */
export const DEFAULT_HTTP_SERVER_LIMITS: Readonly<HttpServerLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 65_000,
  maxConnections: 10_000,
});

/**
 * Creates the Node HTTP server with `limits` applied. Node checks the header and request
 * timeouts of open requests every `connectionsCheckingInterval` (30 s by default, which would
 * let a 10 s timeout run to 40 s): it is set to a fifth of the shorter timeout, at most 1 s.
 */
export function createHttpServer(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  limits: HttpServerLimits,
): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 5)),
      ),
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}

/**
 * Returns a function that stops `server` and resolves once every socket is closed. `closeAllConnections` only reaches
 * sockets still owned by the HTTP parser; one handed to a `connect` or `upgrade` listener is
 * detached from it and would keep `close` waiting for as long as its client keeps it open. Every
 * socket is tracked from its `connection` event, so those are destroyed too.
 */
export function createServerCloser(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });
}
