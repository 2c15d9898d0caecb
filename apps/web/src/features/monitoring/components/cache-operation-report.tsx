import type {
  ClearCacheMutation,
  DeleteCacheKeyMutation,
  OptimizeMemoryMutation,
  WarmCacheMutation,
} from '../../../gql/graphql.ts';
import { formatCount } from '../utils/format-metric.ts';

/** What the last cache operation reported, in the shape the panel shows it. */
export type CacheOperationReport =
  | { kind: 'warm'; report: WarmCacheMutation['warmCache'] }
  | { kind: 'clear'; report: Extract<ClearCacheMutation['clearCache'], { pattern: string }> }
  | { kind: 'delete'; report: Extract<DeleteCacheKeyMutation['deleteCacheKey'], { key: string }> }
  | { kind: 'optimize'; report: OptimizeMemoryMutation['optimizeMemory'] }
  | { kind: 'rejected'; message: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A short list of keys: the first few, then how many more. */
function KeyList({ keys }: { keys: readonly string[] }) {
  const shown = keys.slice(0, 5);
  return (
    <>
      {shown.map((key, index) => (
        <span key={key}>
          {index > 0 ? ', ' : ''}
          <code>{key}</code>
        </span>
      ))}
      {keys.length > shown.length ? ` and ${keys.length - shown.length} more` : ''}
    </>
  );
}

function WarmReport({ report }: { report: WarmCacheMutation['warmCache'] }) {
  return (
    <>
      <p>
        Warmed {formatCount(report.warmed.length)} {report.warmed.length === 1 ? 'key' : 'keys'}
        {report.warmed.length > 0 ? ': ' : '.'}
        {report.warmed.length > 0 ? <KeyList keys={report.warmed} /> : null}
      </p>
      {report.skipped.length > 0 ? (
        <p>
          Skipped (not catalogue keys): <KeyList keys={report.skipped} />
        </p>
      ) : null}
      {report.failed.map((failure) => (
        <p key={failure.key} className="cache-report__failure">
          <code>{failure.key}</code> failed: {failure.message}
        </p>
      ))}
    </>
  );
}

function OptimizeReport({ report }: { report: OptimizeMemoryMutation['optimizeMemory'] }) {
  return (
    <>
      <p>
        Heap {megabytes(report.heapBytesBefore)} → {megabytes(report.heapBytesAfter)}
        {report.gcRan ? ' after a full garbage collection' : ' (no garbage collection available)'}.
      </p>
      <p>
        Memory tier {megabytes(report.tierBytesBefore)} → {megabytes(report.tierBytesAfter)}:{' '}
        {formatCount(report.expiredEntriesRemoved)} expired and{' '}
        {formatCount(report.trimmedEntriesRemoved)} least recently used entries removed.
      </p>
    </>
  );
}

/** The report of the last operation, announced to screen readers as it appears. */
export function CacheOperationReportView({ result }: { result: CacheOperationReport }) {
  const body = (() => {
    switch (result.kind) {
      case 'warm':
        return <WarmReport report={result.report} />;
      case 'clear':
        return (
          <p>
            Cleared <code>{result.report.pattern}</code>: {formatCount(result.report.memory)}{' '}
            {result.report.memory === 1 ? 'key' : 'keys'} from memory,{' '}
            {result.report.redis === null
              ? 'Redis not in use or down (replayed later)'
              : `${formatCount(result.report.redis)} from Redis`}
            .
          </p>
        );
      case 'delete':
        return (
          <p>
            <code>{result.report.key}</code>{' '}
            {result.report.deleted ? 'deleted from every tier.' : 'was not in the cache.'}
          </p>
        );
      case 'optimize':
        return <OptimizeReport report={result.report} />;
      case 'rejected':
        return <p>Nothing was changed: {result.message}</p>;
    }
  })();
  return (
    <div
      className={result.kind === 'rejected' ? 'notice notice--error' : 'notice cache-report'}
      role="status"
      data-testid="cache-report"
      data-report={result.kind}
    >
      {body}
    </div>
  );
}
