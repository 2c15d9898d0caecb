/**
 * A small round-robin reverse proxy in front of several Taurine instances (`npm run cluster`, the
 * HA test): HTTP requests and WebSocket upgrades (graphql-ws) go to the instances in turn through
 * http-proxy-3. An instance that refuses a connection is skipped for `downForMs`; the request that
 * found it down is answered 502, as a load balancer without retries would.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxyServer } from 'http-proxy-3';

/** A running proxy. */
export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Replaces the instances behind the proxy. */
  setTargets(targets: readonly string[]): void;
  close(): Promise<void>;
}

/** Options of {@link startRoundRobinProxy}. */
export interface RoundRobinProxyOptions {
  /** Base URLs of the instances, e.g. `http://127.0.0.1:4001`. */
  targets: readonly string[];
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** How long an instance that refused a connection is skipped. @default 5000 */
  downForMs?: number;
}

export async function startRoundRobinProxy(
  options: RoundRobinProxyOptions,
): Promise<RoundRobinProxy> {
  let targets = [...options.targets];
  const downUntil = new Map<string, number>();
  const downForMs = options.downForMs ?? 5000;
  let next = 0;
  const proxy = createProxyServer({ xfwd: true, ws: true });

  /** The next instance not known to be down (any, when all are). */
  const pick = (): string => {
    const now = Date.now();
    for (let tried = 0; tried < targets.length; tried++) {
      const target = targets[next++ % targets.length]!;
      if ((downUntil.get(target) ?? 0) <= now) return target;
    }
    return targets[next++ % targets.length]!;
  };
  const markDown = (target: string) => {
    downUntil.set(target, Date.now() + downForMs);
  };

  const server: Server = createServer((request, response) => {
    const target = pick();
    proxy.web(request, response, { target }, () => {
      markDown(target);
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`instance ${target} is not answering`);
    });
  });
  server.on('upgrade', (request, socket, head) => {
    const target = pick();
    proxy.ws(request, socket, head, { target }, () => {
      markDown(target);
      socket.destroy();
    });
  });
  await new Promise<void>((ready) => {
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    setTargets(list) {
      targets = [...list];
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => {
        server.close(() => {
          done();
        });
      });
      proxy.close();
    },
  };
}
