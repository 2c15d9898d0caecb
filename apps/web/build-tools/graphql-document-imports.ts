import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** `graphql(` followed by one template literal without substitutions, then `)`. */
const GRAPHQL_CALL = /\bgraphql\(\s*`([^`]*)`\s*,?\s*\)/g;
const GQL_IMPORT = /import\s*\{\s*graphql\s*\}\s*from\s*['"][^'"]*\/gql\/gql(?:\.ts)?['"];?/;
const DEFINITION = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/;
/** One document in codegen's output: `export const XDocument = {…} as unknown as DocumentNode<…>;` */
const GENERATED_DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*$/gm;

/** The export of `gql/graphql.ts` that holds a document, by codegen's naming rules. */
export function generatedDocumentName(source: string): string | null {
  const match = DEFINITION.exec(source);
  if (match === null) return null;
  const [, kind, name] = match;
  return kind === 'fragment' ? `${name!}FragmentDoc` : `${name!}Document`;
}

/** Every document of codegen's `graphql.ts` as JSON text, by export name. */
export function readGeneratedDocuments(generatedSource: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const [, name, json] of generatedSource.matchAll(GENERATED_DOCUMENT)) {
    documents.set(name!, json!);
  }
  return documents;
}

/**
 * Replaces every `graphql(`…`)` call with the document it names, inlined from codegen's
 * `graphql.ts` — what the client preset's Babel and SWC plugins do. Without it each call goes
 * through `gql.ts`, a map that holds every document of the app, and even importing the documents
 * from `graphql.ts` would put them all in one chunk shared by every page: the calculator would
 * download the dashboards' queries. Type checking still sees the `graphql()` calls.
 */
export function graphqlDocumentImports(options: { generatedFile: string }): Plugin {
  let documents: Map<string, string> | null = null;
  return {
    name: 'taurine:graphql-document-imports',
    enforce: 'pre',
    watchChange(id) {
      if (id === options.generatedFile) documents = null;
    },
    transform(code, id) {
      const path = id.split('?')[0]!;
      if (!/\/src\/.*\.(ts|tsx)$/.test(path) || path.includes('/src/gql/')) return null;
      if (!code.includes('graphql(`')) return null;
      this.addWatchFile(options.generatedFile);
      documents ??= readGeneratedDocuments(readFileSync(options.generatedFile, 'utf8'));
      const known = documents;
      const transformed = code.replace(GRAPHQL_CALL, (call, source: string) => {
        const name = generatedDocumentName(source);
        const json = name === null ? undefined : known.get(name);
        if (json === undefined) {
          this.error(
            `No generated document for ${name ?? 'a graphql() call'}: run npm run codegen`,
          );
        }
        // Keep the line count so that source maps of the rest of the file stay right.
        return `(${json})${'\n'.repeat(call.split('\n').length - 1)}`;
      });
      // The `graphql` import is unused now; dropping it keeps the document map out of the bundle.
      return { code: transformed.replace(GQL_IMPORT, ''), map: null };
    },
  };
}
