import { APP_ROUTES } from '@taurine/vitals';
import { describe, expect, it } from 'vitest';
import routerSource from './router.tsx?raw';

/** The `<Route path="…">` values of the router, as patterns from the root. */
function routerPatterns(): string[] {
  return [...routerSource.matchAll(/<Route\s+(?:index|path="([^"]+)")/g)]
    .map((match) => (match[1] === undefined ? '/' : `/${match[1]}`))
    .filter((pattern) => pattern !== '/*');
}

describe('the router and the analytics route patterns', () => {
  it('count every page the router serves under its own pattern, never as /other', () => {
    const patterns = routerPatterns();
    expect(patterns.length).toBeGreaterThan(5);
    expect(patterns.filter((pattern) => !APP_ROUTES.includes(pattern))).toEqual([]);
  });
});
