import {
  defaultFieldResolver,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isAbstractType,
  Kind,
  OperationTypeNode,
} from 'graphql';
import type {
  DocumentNode,
  ExecutionArgs,
  ExecutionResult,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLAbstractType,
  GraphQLError,
  GraphQLField,
  GraphQLResolveInfo,
  GraphQLSchema,
  SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { actorOf } from './audit.ts';
import type { AuditRecorder } from './audit.ts';
import type { Principal } from './principal.ts';

/** Options of {@link useAuditLog}. */
export interface AuditLogPluginOptions {
  recorder: AuditRecorder;
  /**
   * Mutation fields not recorded: public, high-volume ones that change no operator-visible state.
   * @default ['trackEvent']
   */
  skip?: readonly string[];
}

/** A mutation that answered with a typed error result (`ValidationError`, `NotFoundError`…). */
interface TypedFailure {
  /** The result type's name in capitals: `NOT_FOUND_ERROR`. */
  result: string;
  /** Its message, code and field errors: the reason, as the caller read it. */
  details: Record<string, unknown>;
}

/** Per operation context: the typed failures of its root mutation fields, by response key. */
const typedFailures = new WeakMap<object, Map<string, TypedFailure>>();
const wrappedFields = new WeakSet<GraphQLField<unknown, unknown>>();

/** `NotFoundError` → `NOT_FOUND_ERROR`. */
const constantCase = (name: string): string =>
  name.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toUpperCase();

/** Notes `value` as a typed failure when the union resolves it to a type named `…Error`. */
async function noteTypedFailure(
  type: GraphQLAbstractType,
  value: unknown,
  context: unknown,
  info: GraphQLResolveInfo,
): Promise<void> {
  const failures =
    typeof context === 'object' && context !== null ? typedFailures.get(context) : undefined;
  if (failures === undefined || typeof value !== 'object' || value === null) return;
  try {
    const resolved: unknown = await type.resolveType?.(value, context, info, type);
    const name = typeof resolved === 'string' ? resolved : undefined;
    if (name === undefined || !name.endsWith('Error')) return;
    const { message, code, errors } = value as Record<string, unknown>;
    const details = Object.fromEntries(
      Object.entries({ message, code, errors }).filter(([, detail]) => detail !== undefined),
    );
    failures.set(String(info.path.key), { result: constantCase(name), details });
  } catch {
    // The audit must never fail the mutation: the entry then says `ok`, as before.
  }
}

/**
 * Wraps the resolvers of mutations that answer a union, once per schema, to see which member they
 * returned: a typed error result changed nothing and is audited as such.
 */
function observeTypedResults(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const type = getNamedType(field.type);
    if (wrappedFields.has(field) || !isAbstractType(type)) continue;
    wrappedFields.add(field);
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context, info) => {
      const value: unknown = await resolve(source, args, context, info);
      await noteTypedFailure(type, value, context, info);
      return value;
    };
  }
}

/**
 * Records every root mutation field that runs, whatever its outcome, as `mutation:<field>` with
 * the caller, its arguments (redacted by the recorder) and `ok`, the error's code (so refused
 * attempts, `FORBIDDEN` and `UNAUTHENTICATED`, are on record too), or the typed error result it
 * answered (`VALIDATION_ERROR`, `NOT_FOUND_ERROR`, `ALERT_ACTION_ERROR`, with its message in the
 * details). New mutations are covered without any change here. The response waits for the write,
 * so the entry is visible as soon as the mutation has answered; a failing write never fails the
 * mutation.
 */
export function useAuditLog(options: AuditLogPluginOptions): Plugin<{ principal?: Principal }> {
  const skip = options.skip ?? ['trackEvent'];
  return {
    onSchemaChange({ schema }) {
      // Typed here: envelop's own schema type does not resolve graphql in this workspace.
      observeTypedResults(schema as GraphQLSchema);
    },

    onExecute(payload) {
      // Typed here: envelop's own ExecutionArgs type does not resolve graphql in this workspace.
      const args = payload.args as unknown as ExecutionArgs & {
        contextValue: { principal?: Principal };
      };
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      const mutationType = args.schema.getMutationType();
      if (operation?.operation !== OperationTypeNode.MUTATION || !mutationType) return;
      const fieldDefs = mutationType.getFields();
      const fields = rootFields(args.document, operation.selectionSet).filter(
        (field) => fieldDefs[field.name.value] !== undefined && !skip.includes(field.name.value),
      );
      if (fields.length === 0) return;
      const principal = args.contextValue.principal;
      const actor =
        principal === undefined ? { name: 'unknown', role: 'unknown' } : actorOf(principal);
      const failures = new Map<string, TypedFailure>();
      typedFailures.set(args.contextValue, failures);
      return {
        async onExecuteDone(done) {
          const result = done.result as ExecutionResult | AsyncIterable<ExecutionResult>;
          const errors: readonly GraphQLError[] =
            Symbol.asyncIterator in result ? [] : (result.errors ?? []);
          await Promise.all(
            fields.map((field) => {
              const name = field.name.value;
              const responseKey = field.alias?.value ?? name;
              const error = errors.find((candidate) => candidate.path?.[0] === responseKey);
              const code = error?.extensions['code'];
              let argumentValues: unknown;
              try {
                const definition = fieldDefs[name];
                argumentValues =
                  definition === undefined
                    ? {}
                    : getArgumentValues(definition, field, args.variableValues ?? undefined);
              } catch {
                argumentValues = { unreadable: true };
              }
              const typed = error === undefined ? failures.get(responseKey) : undefined;
              return options.recorder.record({
                actor,
                action: `mutation:${name}`,
                args: argumentValues,
                result:
                  typed?.result ??
                  (error === undefined ? 'ok' : typeof code === 'string' ? code : 'ERROR'),
                // Only client-facing (coded) messages: an internal error's text may hold anything.
                details:
                  typed?.details ??
                  (typeof code === 'string' ? { message: error?.message } : undefined),
              });
            }),
          );
        },
      };
    },
  };
}

/** The root fields an operation selects, through fragments and inline fragments. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  // Selections with one response key are merged into one execution: keep the first.
  const fields = new Map<string, FieldNode>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const responseKey = selection.alias?.value ?? selection.name.value;
        if (!fields.has(responseKey)) fields.set(responseKey, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment !== undefined) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return [...fields.values()];
}
