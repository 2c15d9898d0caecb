import { describe, expect, it } from 'vitest';
import { compileGlob, GLOB_PATTERN_LIMITS } from './glob-pattern.ts';

const matches = (pattern: string, key: string) => compileGlob(pattern).matches(key);

describe('compileGlob', () => {
  it('matches * as any run and ? as one character, anchored at both ends', () => {
    expect(matches('data:*', 'data:flavors:v1')).toBe(true);
    expect(matches('data:*', 'metadata:x')).toBe(false);
    expect(matches('*:v1', 'data:flavors:v1')).toBe(true);
    expect(matches('*:v1', 'data:flavors:v10')).toBe(false);
    expect(matches('data:*:v?', 'data:flavors:v2')).toBe(true);
    expect(matches('data:*:v?', 'data:flavors:v')).toBe(false);
    expect(matches('a*b*c', 'abc')).toBe(true);
    expect(matches('a*b*c', 'axxbyyc')).toBe(true);
    expect(matches('a*b*c', 'acb')).toBe(false);
    expect(matches('a*a', 'a')).toBe(false);
    expect(matches('*', '')).toBe(true);
    expect(matches('??', 'ab')).toBe(true);
    expect(matches('??', 'abc')).toBe(false);
    expect(matches('exact', 'exact')).toBe(true);
    expect(matches('exact', 'exactly')).toBe(false);
  });

  it('treats regex and Redis glob syntax as literal text', () => {
    expect(matches('data:[a]*', 'data:[a]1')).toBe(true);
    expect(matches('data:[a]*', 'data:a1')).toBe(false);
    expect(matches('a.c', 'abc')).toBe(false);
    expect(matches('a\\*', 'a\\xyz')).toBe(true);
    expect(matches('(a+)+$', '(a+)+$')).toBe(true);
  });

  it('collapses runs of * and exposes the literal prefix', () => {
    const glob = compileGlob('data:**:v?*');
    expect(glob.source).toBe('data:*:v?*');
    expect(glob.literalPrefix).toBe('data:');
    expect(compileGlob('***').matchesEverything).toBe(true);
  });

  it('rejects empty, oversized, too wild and control-character patterns with INVALID_PATTERN', () => {
    const bad: unknown[] = [
      '',
      42,
      '*'.repeat(10_000),
      'x'.repeat(GLOB_PATTERN_LIMITS.maxLength + 1),
      'a*'.repeat(GLOB_PATTERN_LIMITS.maxStars + 1),
      'data:\r\n*',
      'a\u0000b',
    ];
    for (const pattern of bad)
      expect(() => compileGlob(pattern)).toThrow(
        expect.objectContaining({ code: 'INVALID_PATTERN' }),
      );
  });

  it('stays fast on the inputs that make backtracking matchers explode', () => {
    const pattern = `${'*a'.repeat(GLOB_PATTERN_LIMITS.maxStars)}b`;
    const glob = compileGlob(pattern);
    const key = 'a'.repeat(100_000);
    const started = performance.now();
    for (let i = 0; i < 10; i++) expect(glob.matches(key)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
    const questions = compileGlob(`*${'?'.repeat(200)}b`);
    expect(questions.matches(`${'a'.repeat(10_000)}b`)).toBe(true);
  });
});
