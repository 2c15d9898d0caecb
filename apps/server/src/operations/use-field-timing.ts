import { useOnResolve } from '@envelop/on-resolve';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Where field timings go: pre-resolved distribution handles of the metrics registry. */
export interface FieldTimingRecorder {
  handle(
    name: string,
    kind: 'distribution',
    tags: Record<string, string>,
  ): {
    record(value: number): void;
  };
}

/** Options of {@link useFieldTiming}. */
export interface FieldTimingOptions {
  recorder: FieldTimingRecorder;
  /** Share of operations whose resolvers are timed, 0..1. @default 0.1 */
  sampleRate?: number;
  /** Distinct `Type.field` tags kept; further fields are recorded as `other`. @default 300 */
  maxFields?: number;
  /** @default Math.random */
  random?: () => number;
  /** Clock with sub-millisecond precision. @default performance.now */
  now?: () => number;
}

/** Calls of each field within one sampled operation. */
type OperationCalls = Map<string, number>;

/**
 * Per-field resolver timing, sampled: in one operation out of `1 / sampleRate`, every resolver that
 * is not a default resolver is timed into `graphql.fieldTime{field}` (ms), the number of calls per
 * field into `graphql.fieldCalls{field}` (many identical calls per operation look like N+1), and the
 * response size into `api.responseSize{operation}` (MB). Tags are schema field coordinates, bounded by
 * `maxFields`. Never throws into a request.
 */
export function useFieldTiming(options: FieldTimingOptions): Plugin {
  const { recorder, sampleRate = 0.1, maxFields = 300 } = options;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => performance.now());
  if (!(sampleRate >= 0 && sampleRate <= 1))
    throw new RangeError('useFieldTiming: sampleRate must be between 0 and 1');
  const sampled = new WeakMap<object, OperationCalls>();
  const fields = new Set<string>();
  const handles = new Map<string, { record(value: number): void }>();
  const handle = (name: string, tag: string, value: string) => {
    const id = `${name}|${value}`;
    let found = handles.get(id);
    if (!found) {
      found = recorder.handle(name, 'distribution', { [tag]: value });
      if (handles.size < 4 * maxFields) handles.set(id, found);
    }
    return found;
  };
  const fieldTag = (coordinate: string) => {
    if (fields.has(coordinate)) return coordinate;
    if (fields.size >= maxFields) return 'other';
    fields.add(coordinate);
    return coordinate;
  };

  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        useOnResolve(
          ({ context, info }) => {
            const calls = sampled.get(context);
            if (calls === undefined) return;
            const field = fieldTag(`${info.parentType.name}.${info.fieldName}`);
            calls.set(field, (calls.get(field) ?? 0) + 1);
            const startedAt = now();
            return () => {
              handle('graphql.fieldTime', 'field', field).record(now() - startedAt);
            };
          },
          { skipDefaultResolvers: true },
        ),
      );
    },
    onExecute({ args }) {
      if (random() >= sampleRate) return;
      const context = args.contextValue as object;
      const calls: OperationCalls = new Map();
      sampled.set(context, calls);
      const { definitions } = args.document as DocumentNode;
      const operation = operationNameOf(
        args.operationName as string | null | undefined,
        definitions,
      );
      return {
        onExecuteDone({ result }) {
          sampled.delete(context);
          for (const [field, count] of calls)
            handle('graphql.fieldCalls', 'field', field).record(count);
          if (Symbol.asyncIterator in Object(result)) return;
          try {
            const bytes = Buffer.byteLength(JSON.stringify(result));
            handle('api.responseSize', 'operation', operation).record(bytes / 1_048_576);
          } catch {
            // A result that cannot be serialised is the response's problem, not the timing's.
          }
        },
      };
    },
  };
}

/** The operation's name as `api.responseTime` tags it: the one asked for, else the first named. */
function operationNameOf(
  requested: string | null | undefined,
  definitions: readonly { kind: string; name?: { value: string } | undefined }[],
): string {
  if (requested) return requested.slice(0, 64);
  const first = definitions.find((definition) => definition.kind === 'OperationDefinition');
  return first?.name?.value.slice(0, 64) ?? 'anonymous';
}
