import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { AuditActor, AuditRecorder } from '../access/audit.ts';
import type { RouteHandler } from '../http/use-routes.ts';
import type { DiagnosticsService } from './diagnostics-service.ts';
import { DIAGNOSTICS_ROUTE_PREFIX } from './diagnostics-service.ts';

const notFound = () =>
  Response.json({ errors: [{ message: 'No such diagnostic file' }] }, { status: 404 });

/** The file name as sent, or '' when its percent-encoding is malformed (`%E0%A4%A`): not found. */
function decodedName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return '';
  }
}

/**
 * `GET /api/diagnostics/<file>` (admin): streams a CPU profile or heap snapshot this instance
 * wrote, as an attachment. Each download is audited (`rest:downloadDiagnostic`).
 */
export function diagnosticsDownloadRoute(
  diagnostics: DiagnosticsService,
  audit: AuditRecorder,
  actorOf: (request: Request, serverContext: Record<string, unknown>) => Promise<AuditActor>,
): RouteHandler {
  return async (request, url, serverContext) => {
    const fileName = decodedName(url.pathname.slice(DIAGNOSTICS_ROUTE_PREFIX.length));
    const path = diagnostics.pathOf(fileName);
    const size =
      path === undefined
        ? undefined
        : await stat(path).then(
            (s) => s.size,
            () => undefined,
          );
    await audit.record({
      actor: await actorOf(request, serverContext),
      action: 'rest:downloadDiagnostic',
      args: { fileName },
      result: size === undefined ? 'NOT_FOUND' : 'ok',
    });
    if (path === undefined || size === undefined) return notFound();
    const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        'content-type': fileName.endsWith('.cpuprofile')
          ? 'application/json'
          : 'application/octet-stream',
        'content-length': String(size),
        'content-disposition': `attachment; filename="${fileName}"`,
      },
    });
  };
}
