import { useState } from 'react';
import { downloadReport } from '../utils/download-report.ts';

const FORMATS = ['pdf', 'csv', 'json'] as const;

/** PDF, CSV and JSON downloads of a stored report (sent with this browser's API key). */
export function DownloadButtons({ id }: { id: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="report__downloads">
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button button--secondary"
          onClick={() => {
            setProblem(null);
            downloadReport(id, format).catch((error: unknown) => {
              setProblem(error instanceof Error ? error.message : String(error));
            });
          }}
        >
          Download {format.toUpperCase()}
        </button>
      ))}
      {problem === null ? null : <p role="alert">{problem}</p>}
    </div>
  );
}
