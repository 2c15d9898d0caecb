import { CacheError } from './cache-error.ts';

/** Limits on clear patterns, exported as data. */
export const GLOB_PATTERN_LIMITS = {
  /** Longest pattern accepted, in characters. */
  maxLength: 256,
  /** Most `*` wildcards accepted after runs of `*` are collapsed. */
  maxStars: 16,
} as const;

/** A compiled glob: `*` matches any run of characters, `?` exactly one; everything else is literal. */
export interface GlobPattern {
  /** The pattern with runs of `*` collapsed to one. */
  readonly source: string;
  /** The literal text before the first wildcard; every matching key starts with it. */
  readonly literalPrefix: string;
  /** Whether the pattern is `*`, which matches every key. */
  readonly matchesEverything: boolean;
  /** Whether `key` matches the whole pattern. */
  matches(key: string): boolean;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Compiles a glob into a matcher that never backtracks across `*`: the pattern is split at `*`, the
 * first piece is anchored at the start, the last at the end, and the middle pieces are found
 * left-most in order (which is exact for `*`-separated pieces). Time is O(key length × pattern
 * length) with the pattern capped at {@link GLOB_PATTERN_LIMITS}, so a hostile pattern cannot stall
 * the process the way a regex built from user input can.
 *
 * @throws {CacheError} `INVALID_PATTERN` for a non-string, empty, too long or too wild pattern, or one
 * holding control characters.
 */
export function compileGlob(pattern: unknown): GlobPattern {
  if (typeof pattern !== 'string' || pattern.length === 0) {
    throw new CacheError('INVALID_PATTERN', 'clear pattern must be a non-empty string');
  }
  if (pattern.length > GLOB_PATTERN_LIMITS.maxLength) {
    throw new CacheError(
      'INVALID_PATTERN',
      `clear pattern is longer than ${GLOB_PATTERN_LIMITS.maxLength} characters`,
    );
  }
  if (CONTROL.test(pattern)) {
    throw new CacheError('INVALID_PATTERN', 'clear pattern must not contain control characters');
  }
  const source = pattern.replace(/\*+/g, '*');
  const pieces = source.split('*');
  if (pieces.length - 1 > GLOB_PATTERN_LIMITS.maxStars) {
    throw new CacheError(
      'INVALID_PATTERN',
      `clear pattern has more than ${GLOB_PATTERN_LIMITS.maxStars} '*' wildcards`,
    );
  }
  const firstWildcard = source.search(/[*?]/);
  const literalPrefix = firstWildcard === -1 ? source : source.slice(0, firstWildcard);
  return {
    source,
    literalPrefix,
    matchesEverything: source === '*',
    matches:
      pieces.length === 1 ? (key) => matchExact(key, source) : (key) => matchPieces(key, pieces),
  };
}

function pieceMatchesAt(key: string, piece: string, at: number): boolean {
  for (let i = 0; i < piece.length; i++) {
    const expected = piece.charCodeAt(i);
    if (expected !== 63 /* ? */ && key.charCodeAt(at + i) !== expected) return false;
  }
  return true;
}

function matchExact(key: string, piece: string): boolean {
  return key.length === piece.length && pieceMatchesAt(key, piece, 0);
}

/** Left-most index ≥ `from` where `piece` matches and ends by `end`, or -1. */
function findPiece(key: string, piece: string, from: number, end: number): number {
  if (!piece.includes('?')) {
    const at = key.indexOf(piece, from);
    return at !== -1 && at + piece.length <= end ? at : -1;
  }
  for (let at = from; at + piece.length <= end; at++) {
    if (pieceMatchesAt(key, piece, at)) return at;
  }
  return -1;
}

function matchPieces(key: string, pieces: readonly string[]): boolean {
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  let from = first.length;
  const end = key.length - last.length;
  if (end < from) return false;
  if (!pieceMatchesAt(key, first, 0) || !pieceMatchesAt(key, last, end)) return false;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    if (piece.length === 0) continue;
    const at = findPiece(key, piece, from, end);
    if (at === -1) return false;
    from = at + piece.length;
  }
  return true;
}
