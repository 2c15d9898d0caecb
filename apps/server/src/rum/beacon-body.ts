/** A beacon body read as JSON, or the answer that refuses it. */
export type BeaconBody = { ok: true; body: unknown } | { ok: false; response: Response };

/**
 * Reads a browser beacon's JSON body: `text/plain` (what `navigator.sendBeacon` sends with a
 * string) or `application/json`; 415 for another type, 413 over `maxBytes`, 400 when it is not
 * JSON. Shared by `POST /rum` and `POST /analytics`.
 */
export async function readBeaconBody(request: Request, maxBytes: number): Promise<BeaconBody> {
  const type = request.headers.get('content-type') ?? 'text/plain';
  if (!/^(text\/plain|application\/json)\b/i.test(type)) {
    return {
      ok: false,
      response: Response.json(
        { error: 'Send the batch as text/plain or application/json' },
        { status: 415 },
      ),
    };
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) {
    return {
      ok: false,
      response: Response.json({ error: `Batch is larger than ${maxBytes} bytes` }, { status: 413 }),
    };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: Response.json({ error: 'Body is not valid JSON' }, { status: 400 }),
    };
  }
}
