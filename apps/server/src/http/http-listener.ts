import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { TaurineYoga } from '../graphql/taurine-yoga.ts';
import { createHttpServer, createServerCloser } from './http-server.ts';
import type { HttpServerLimits } from './http-server.ts';
import { createNodeBridge, refuseConnect } from './node-bridge.ts';
import type { NodeBridgeOptions } from './node-bridge.ts';
import { attachGraphQLWebSockets } from './websockets.ts';
import type { WebSocketOptions } from './websockets.ts';

export interface HttpListenerOptions {
  /** Answers every HTTP request and every graphql-ws operation. */
  yoga: TaurineYoga;
  /** Timeouts and the connection limit of the Node server. */
  limits: HttpServerLimits;
  /** Largest request body, and largest WebSocket message, in bytes. */
  maxBodyBytes: number;
  allowedMethods: NodeBridgeOptions['allowedMethods'];
  /** Told of every answer written without yoga (the bridge's own, refused `CONNECT`s). */
  onAnswer: NonNullable<NodeBridgeOptions['onAnswer']>;
  webSockets: WebSocketOptions;
}

/** The HTTP server with graphql-ws on `/graphql`, created but not yet listening. */
export interface HttpListener {
  /** The graphql-ws server: its clients are the open WebSocket connections. */
  webSockets: WebSocketServer;
  /**
   * Listens on `port` (0 picks a free port) and `host`; the URL names `localhost` when bound to
   * every interface.
   */
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** Closes the WebSockets, then every socket (detached ones too), and the server. */
  close(): Promise<void>;
}

/**
 * The transport around yoga: the Node bridge on a server with the configured limits, `CONNECT`
 * refused with 405, and graphql-ws sharing the server.
 */
export function createHttpListener(options: HttpListenerOptions): HttpListener {
  const { yoga, onAnswer } = options;
  // yoga's own Node adapter and fetch ponyfill serve what the bridge lets through.
  const bridge = createNodeBridge((req, res, context) => yoga.handle(req, res, context), {
    maxBodyBytes: options.maxBodyBytes,
    allowedMethods: options.allowedMethods,
    onAnswer,
  });
  const server = createHttpServer(bridge, options.limits);
  const closeSockets = createServerCloser(server);
  server.on('connect', refuseConnect({ onAnswer }));
  const webSockets = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: options.maxBodyBytes,
  });
  const closeWebSockets = attachGraphQLWebSockets(webSockets, yoga, options.webSockets);
  return {
    webSockets,
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
      });
      const bound = (server.address() as AddressInfo).port;
      const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return { url: `http://${urlHost}:${bound}`, port: bound };
    },
    async close() {
      await closeWebSockets();
      await closeSockets();
    },
  };
}
