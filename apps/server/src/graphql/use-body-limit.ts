import type { Plugin } from 'graphql-yoga';

export interface BodyLimitOptions {
  /**
   * Largest accepted request body in bytes.
   * @default 1048576
   */
  maxBytes?: number;
}

/**
 * Rejects requests whose declared `content-length` exceeds the limit with HTTP 413 before the body
 * is read. Bodies without a length (chunked uploads) are capped while they stream in by the Node
 * bridge (`http/node-bridge.ts`), which always hands yoga a body with a known length.
 */
export function useBodyLimit(options: BodyLimitOptions = {}): Plugin {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  return {
    onRequest(payload) {
      const declared = Number(payload.request.headers.get('content-length') ?? '0');
      if (declared > maxBytes) {
        payload.endResponse(payloadTooLarge(maxBytes));
      }
    },
  };
}

/** The 413 body, in GraphQL's error shape so GraphQL clients can show the message. */
export const payloadTooLargeBody = (maxBytes: number): string =>
  JSON.stringify({
    errors: [
      {
        message: `Request body is larger than the limit of ${maxBytes} bytes`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes },
      },
    ],
  });

/** The 413 response. */
export const payloadTooLarge = (maxBytes: number): Response =>
  new Response(payloadTooLargeBody(maxBytes), {
    status: 413,
    headers: { 'content-type': 'application/json' },
  });
