import type { DashboardDocument } from './dashboard-document.ts';

/** Downloads the document as `<title>.json` (what "Import" reads back). */
export function downloadDocument(document: DashboardDocument): void {
  const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = `${document.title.replace(/[^\w.-]+/g, '-').toLowerCase() || 'dashboard'}.json`;
  link.click();
  URL.revokeObjectURL(url);
}
