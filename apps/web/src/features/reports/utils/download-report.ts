import { API_KEY_HEADER, getApiKey } from '../../../lib/api-key.ts';

/**
 * Fetches `/reports/{id}.{format}` with the API key (a plain link could not send it) and saves it
 * under the file name the server gives.
 */
export async function downloadReport(id: string, format: 'pdf' | 'csv' | 'json'): Promise<void> {
  const key = getApiKey();
  const response = await fetch(`/reports/${encodeURIComponent(id)}.${format}`, {
    headers: key === null ? {} : { [API_KEY_HEADER]: key },
  });
  if (!response.ok) throw new Error(`The download failed (HTTP ${response.status})`);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `report.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
