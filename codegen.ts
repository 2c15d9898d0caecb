import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/**
 * GraphQL Code Generator, client preset: every `graphql()` document in the SPA gets typed results
 * and variables, and fragments are masked so a component only sees the fields it asked for.
 * Reads the committed `schema.graphql` (printed by `npm run schema`), never a running server.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: {
        gqlTagName: 'graphql',
        fragmentMasking: { unmaskFunctionName: 'useFragment' },
        // persisted-documents.json (hash → document) for the server; each document carries its
        // hash, so the SPA sends short GETs by hash (cacheable by the Service Worker).
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      // urql adds __typename to every selection at run time; the persisted copies must match.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        // verbatimModuleSyntax: type-only imports must say so, and enums must not be runtime code.
        useTypeImports: true,
        importExtension: '.ts',
        enumType: 'string-literal',
        futureProofEnums: false,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        strictScalars: true,
      },
    },
  },
};

export default config;
