import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@taurine/store';
import type { AuditLogRepository } from '@taurine/store';
import { describe, expect, it } from 'vitest';
import { generateApiKey } from './api-keys.ts';
import { REDACTED, actorOf, createAuditRecorder, redactSecrets } from './audit.ts';

describe('redactSecrets', () => {
  it('redacts values under secret-looking names, recursively, and keeps the rest', () => {
    const input = {
      name: 'team-slack',
      config: {
        webhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXX',
        smtpUrl: 'smtp://mailer:pa55@smtp.example.com:587',
        url: 'https://example.com/hook?token=abc',
        routingKey: 'R0UT1NGKEY',
        password: 'hunter2',
        apiKey: 'k',
        clientSecret: 's',
        authorization: 'Bearer x',
        headers: [{ name: 'X-Token', value: 'v', sessionToken: 't' }],
        severity: 'P1',
      },
      cacheKey: 'data:flavors:v1',
      keyId: 7,
      missing: null,
    };
    expect(redactSecrets(input)).toEqual({
      name: 'team-slack',
      config: {
        webhookUrl: REDACTED,
        smtpUrl: REDACTED,
        url: REDACTED,
        routingKey: REDACTED,
        password: REDACTED,
        apiKey: REDACTED,
        clientSecret: REDACTED,
        authorization: REDACTED,
        headers: [{ name: 'X-Token', value: 'v', sessionToken: REDACTED }],
        severity: 'P1',
      },
      cacheKey: 'data:flavors:v1',
      keyId: 7,
      missing: null,
    });
  });

  it('scrubs API keys and URL credentials from any string', () => {
    const { key } = generateApiKey();
    expect(
      redactSecrets({
        note: `rotated ${key} today`,
        target: 'postgres://app:s3cret@db:5432/taurine',
      }),
    ).toEqual({
      note: `rotated ${REDACTED} today`,
      target: `postgres://${REDACTED}@db:5432/taurine`,
    });
  });

  it('keeps __proto__ and constructor as plain data, never touching prototypes', () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":1}}',
    ) as unknown;
    const result = redactSecrets(hostile) as Record<string, unknown>;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result))).toEqual(hostile);
  });

  it('is bounded in depth, entries and string length, and survives cycles and odd values', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 50; i++) deep = { next: deep };
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    const result = redactSecrets({
      deep,
      cyclic,
      long: 'x'.repeat(5000),
      many: Array.from({ length: 500 }, (_, i) => i),
      odd: [undefined, Number.NaN, 10n, () => 1, Symbol('s'), new Date(0)],
    }) as Record<string, unknown>;
    expect(JSON.stringify(result).length).toBeLessThan(4000);
    expect(JSON.stringify(result)).toContain('[truncated]');
    expect(result['cyclic']).toEqual({ a: 1, self: '[circular]' });
    expect(result['long']).toBe(`${'x'.repeat(1000)}…`);
    expect((result['many'] as unknown[]).at(-1)).toBe('[400 more]');
    expect(result['odd']).toEqual([
      null,
      'NaN',
      '10',
      '[function]',
      '[symbol]',
      '1970-01-01T00:00:00.000Z',
    ]);
  });
});

describe('createAuditRecorder', () => {
  it('stores redacted entries with the actor, and never throws when the store fails', async () => {
    const root = await mkdtemp(join(tmpdir(), 'taurine-audit-'));
    const store = await openStore({ dataDir: root });
    try {
      await store.migrate();
      const recorder = createAuditRecorder({ repo: store.auditLog, now: () => 42 });
      await recorder.record({
        actor: actorOf({
          kind: 'key',
          keyId: 1,
          name: 'ci-bot',
          role: 'operator',
          rateLimitPolicy: null,
          ip: '::1',
        }),
        action: 'mutation:updateChannel',
        args: { id: 3, webhookUrl: 'https://hooks.slack.com/services/SECRET' },
        result: 'ok',
      });
      const [entry] = await store.auditLog.list({ limit: 1 });
      expect(entry).toMatchObject({
        at: 42,
        actorName: 'ci-bot',
        actorRole: 'operator',
        action: 'mutation:updateChannel',
        arguments: { id: 3, webhookUrl: REDACTED },
        result: 'ok',
        details: null,
      });
      const raw = await store.db.selectFrom('audit_log').selectAll().execute();
      expect(JSON.stringify(raw)).not.toContain('SECRET');
    } finally {
      await store.close();
      await rm(root, { recursive: true, force: true });
    }

    const failures: unknown[] = [];
    const broken: AuditLogRepository = {
      append: () => Promise.reject(new Error('disk full')),
      list: () => Promise.resolve([]),
    };
    const recorder = createAuditRecorder({
      repo: broken,
      onError: (error) => {
        failures.push(error);
        throw new Error('reporter broke too');
      },
    });
    await expect(
      recorder.record({
        actor: actorOf({ kind: 'anonymous', ip: '::1' }),
        action: 'a',
        args: {},
        result: 'ok',
      }),
    ).resolves.toBeUndefined();
    expect(String(failures[0])).toContain('disk full');
  });
});
