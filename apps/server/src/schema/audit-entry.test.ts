import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ CACHE_WARM_ON_START: 'false' });
});
afterAll(() => app.dispose());

interface Entry {
  id: string;
  action: string;
  result: string;
  arguments: string;
  details: string | null;
}
const AUDIT = '{ auditLog(first: 2) { id action result arguments details } }';

describe('auditLog', () => {
  it('answers a `before` that is no entry id as the caller’s mistake, and pages with a real one', async () => {
    for (const before of ['abc', '-1', '1.5', '99999999999999999999']) {
      const result = await app.graphql('query ($before: ID) { auditLog(before: $before) { id } }', {
        before,
      });
      expect(result.errors?.[0]?.extensions?.code, before).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain('before must be an audit entry id');
    }
    await app.graphql('mutation { clearCache(pattern: "a:*") { __typename } }');
    await app.graphql('mutation { clearCache(pattern: "b:*") { __typename } }');
    const newest = await app.graphql<{ auditLog: Entry[] }>(AUDIT);
    const [second, first] = newest.data!.auditLog;
    const older = await app.graphql<{ auditLog: { id: string }[] }>(
      'query ($before: ID) { auditLog(first: 1, before: $before) { id } }',
      { before: second!.id },
    );
    expect(older.data?.auditLog).toEqual([{ id: first!.id }]);
  });

  it('records typed failures as refused with their reason, not as ok', async () => {
    const rules = await app.graphql<{ alertRules: { id: string; builtIn: boolean }[] }>(
      '{ alertRules { id builtIn } }',
    );
    const builtIn = rules.data!.alertRules.find((rule) => rule.builtIn)!;
    // The selections name no __typename: the audit must not depend on what the client asked.
    const deleted = await app.graphql(
      'mutation ($id: ID!) { deleteAlertRule(id: $id) { ... on Deletion { id } } }',
      { id: builtIn.id },
    );
    expect(deleted).toEqual({ data: { deleteAlertRule: {} } });
    await app.graphql(
      'mutation { acknowledgeAlert(id: "ffffffffffffffff") { ... on Alert { id } } }',
    );

    const log = await app.graphql<{ auditLog: Entry[] }>(AUDIT);
    const [acknowledge, remove] = log.data!.auditLog;
    expect(acknowledge).toMatchObject({
      action: 'mutation:acknowledgeAlert',
      result: 'NOT_FOUND_ERROR',
    });
    const reason = JSON.parse(acknowledge!.details!) as { message: string };
    expect(reason.message).toMatch(/^no alert\b.*"ffffffffffffffff"/);
    expect(remove).toMatchObject({
      action: 'mutation:deleteAlertRule',
      result: 'VALIDATION_ERROR',
    });
    const why = JSON.parse(remove!.details!) as { errors: { code: string }[] };
    expect(why.errors.map((error) => error.code)).toEqual(['built-in']);
    // The rule is still there.
    const after = await app.graphql<{ alertRules: { id: string }[] }>('{ alertRules { id } }');
    expect(after.data!.alertRules.map((rule) => rule.id)).toContain(builtIn.id);
  });
});
