import { describe, expect, it } from 'vitest';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';
import { nestingDepth } from './use-nesting-limit.ts';

describe('nestingDepth', () => {
  it('counts brackets outside strings and comments', () => {
    expect(nestingDepth('{ a(x: [[1]]) { b } }')).toBe(4);
    expect(nestingDepth('{ a(x: "[[[[[[") }')).toBe(2);
    expect(nestingDepth('{ a(x: """ {{{{ """) }')).toBe(2);
    expect(nestingDepth('# [[[[[[\n{ a }')).toBe(1);
    expect(nestingDepth('{ a(x: "\\"[[[[") }')).toBe(2);
  });
});

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.dispose());

describe('useNestingLimit', () => {
  it('answers a list nested 40,000 deep with a 400 parse error instead of a stack overflow', async () => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename(x: ${'['.repeat(40_000)}) }` }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/nested deeper than 64 levels/);
  });
});
