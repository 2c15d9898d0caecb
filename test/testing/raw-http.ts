import { connect } from 'node:net';

/**
 * A raw TCP connection to the server: bytes go out exactly as written (fetch and Node's client
 * normalise methods, `Host` headers and targets before they leave, which hides what a hostile
 * client can send).
 */
export interface RawConnection {
  write(text: string): void;
  /** Everything received so far, as latin1 text. */
  received(): string;
  /** True once the server (or the network) closed the connection. */
  closed(): boolean;
  /** True when the connection never got established or was reset. */
  failed(): boolean;
  /** Resolves once the connection is closed, or after `timeoutMs` (check `closed()`). */
  whenClosed(timeoutMs: number): Promise<void>;
  end(): void;
}

/** Opens a raw connection to 127.0.0.1:`port`; resolves once connected (or refused). */
export function openRaw(port: number): Promise<RawConnection> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let isClosed = false;
    let isFailed = false;
    const closedOnce = new Promise<void>((done) => {
      socket.once('close', () => {
        done();
      });
    });
    const connection: RawConnection = {
      write: (text) => socket.write(text, 'latin1'),
      received: () => data,
      closed: () => isClosed,
      failed: () => isFailed,
      end: () => socket.destroy(),
      whenClosed: async (timeoutMs) => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          closedOnce,
          new Promise<void>((done) => {
            timer = setTimeout(done, timeoutMs);
          }),
        ]);
        clearTimeout(timer);
      },
    };
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
    });
    socket.on('error', () => {
      isFailed = true;
    });
    socket.on('close', () => {
      isClosed = true;
      resolve(connection);
    });
    socket.on('connect', () => {
      resolve(connection);
    });
  });
}

/** A parsed raw answer: the status line's code (null when the server answered nothing). */
export interface RawAnswer {
  status: number | null;
  headers: string;
  body: string;
}

export function parseRawAnswer(text: string): RawAnswer {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  const split = text.indexOf('\r\n\r\n');
  return {
    status: match ? Number(match[1]) : null,
    headers: split === -1 ? text : text.slice(0, split),
    body: split === -1 ? '' : text.slice(split + 4),
  };
}

/**
 * Sends one request as raw bytes on a fresh connection and returns the server's answer once it
 * closes the connection (the request should say `Connection: close`) or after `timeoutMs`.
 */
export async function rawRequest(
  port: number,
  text: string,
  timeoutMs = 10_000,
): Promise<RawAnswer> {
  const connection = await openRaw(port);
  connection.write(text);
  await connection.whenClosed(timeoutMs);
  connection.end();
  return parseRawAnswer(connection.received());
}
