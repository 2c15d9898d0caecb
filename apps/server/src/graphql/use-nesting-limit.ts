import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface NestingLimitOptions {
  /**
   * Deepest nesting of `{`, `[` and `(` accepted in a document.
   * @default 64
   */
  maxNesting?: number;
}

/** Deepest bracket nesting in a GraphQL source, ignoring strings, block strings and comments. */
export function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === '#') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (char === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end === -1 ? source.length : end + 2;
      } else {
        i += 1;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') {
          if (source[i] === '\\') i += 1;
          i += 1;
        }
      }
    } else if (char === '{' || char === '[' || char === '(') {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === '}' || char === ']' || char === ')') {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * Refuses documents nested deeper than `maxNesting` before graphql-js parses them: its recursive
 * descent parser overflows the stack at about 2,000 nested lists (`[[[[…`), well under any token
 * limit, and a stack overflow surfaces as a 500. A linear scan costs less than the parse.
 */
export function useNestingLimit(options: NestingLimitOptions = {}): Plugin {
  const maxNesting = options.maxNesting ?? 64;
  return {
    onParse({ params }) {
      const raw = params.source as string | { body: string };
      const source = typeof raw === 'string' ? raw : raw.body;
      if (nestingDepth(source) > maxNesting) {
        throw new GraphQLError(
          `Syntax Error: the document is nested deeper than ${maxNesting} levels`,
          {
            extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } },
          },
        );
      }
    },
  };
}
