import type { Route } from '../http/use-routes.ts';
import {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  renderReportFile,
  reportFileName,
} from './report-email.ts';
import type { ReportFormat } from './report-email.ts';
import type { ReportService } from './report-service.ts';

const PATH = /^\/reports\/([A-Za-z0-9-]{1,100})\.([a-z]+)$/;

const notFound = (message: string) =>
  Response.json({ error: message }, { status: 404, headers: { 'cache-control': 'no-store' } });

/**
 * `GET /reports/{id}.json|csv|pdf` (viewer): a stored report as its typed JSON document, one CSV
 * row per figure, or the PDF, downloaded under a file name that says what it is.
 */
export function reportDownloadRoute(reports: Pick<ReportService, 'get'>): Route {
  return {
    method: 'GET',
    path: '/reports/*',
    access: 'viewer',
    handler: async (_request, url) => {
      const match = PATH.exec(url.pathname);
      const format = match?.[2];
      if (match === null || !(REPORT_FORMATS as readonly string[]).includes(format ?? '')) {
        return notFound(
          'Reports are at /reports/<id>.json, /reports/<id>.csv or /reports/<id>.pdf',
        );
      }
      const record = await reports.get(match[1] ?? '');
      if (record === undefined) return notFound(`No report with id "${match[1] ?? ''}"`);
      const kind = format as ReportFormat;
      const body = await renderReportFile(record.report, kind);
      return new Response(new Uint8Array(body), {
        headers: {
          'content-type': REPORT_CONTENT_TYPES[kind],
          'content-disposition': `${kind === 'json' ? 'inline' : 'attachment'}; filename="${reportFileName(record.report, kind)}"`,
          'cache-control': 'private, max-age=300',
        },
      });
    },
  };
}
