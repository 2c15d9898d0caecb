import type { ApiKey } from '@taurine/store';
import { AccessError } from '../access/access-error.ts';
import { builder } from './builder.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import type { NotFoundErrorShape } from './not-found-error.ts';
import { ValidationErrorRef, validationError } from './validation-error.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'viewer < operator < admin: each role may do what the ones before it may.',
  values: {
    VIEWER: { value: 'viewer', description: 'Reads metrics, stats, alerts, caches; subscribes.' },
    OPERATOR: { value: 'operator', description: 'Also operates caches and acknowledges alerts.' },
    ADMIN: { value: 'admin', description: 'Also manages rules, channels, silences and keys.' },
  } as const,
});

const ApiKeyRef = builder.objectRef<ApiKey>('ApiKey').implement({
  description: 'An API key as listed: its public prefix, never the key or its hash.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (key) => key.role }),
    prefix: t.string({ resolve: (key) => `tk_${key.prefix}_…` }),
    rateLimitPolicy: t.exposeString('rateLimitPolicy', { nullable: true }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.field({ type: 'DateTime', resolve: (key) => new Date(key.createdAt) }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (key) => (key.expiresAt === null ? null : new Date(key.expiresAt)),
    }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (key) => (key.revokedAt === null ? null : new Date(key.revokedAt)),
    }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (key) => (key.lastUsedAt === null ? null : new Date(key.lastUsedAt)),
    }),
  }),
});

interface CreatedKey {
  key: string;
  apiKey: ApiKey;
}

const CreatedApiKeyRef = builder.objectRef<CreatedKey>('CreatedApiKey').implement({
  description: 'A new key. `key` is shown this once: it is stored only as a hash.',
  fields: (t) => ({
    key: t.exposeString('key'),
    apiKey: t.field({ type: ApiKeyRef, resolve: (created) => created.apiKey }),
  }),
});

const CreateApiKeyResultRef = builder.unionType('CreateApiKeyResult', {
  types: [CreatedApiKeyRef, ValidationErrorRef],
  resolveType: (value) => ('kind' in value ? ValidationErrorRef : CreatedApiKeyRef),
});

const RevokeApiKeyResultRef = builder.unionType('RevokeApiKeyResult', {
  types: [ApiKeyRef, NotFoundErrorRef],
  resolveType: (value) => ('kind' in value ? NotFoundErrorRef : ApiKeyRef),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    expiresAt: t.field({ type: 'DateTime', required: false }),
    rateLimitPolicy: t.string({
      required: false,
      description: 'E.g. `third-party` (100 requests/hour); the role’s limit when absent.',
    }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.field({
    authScopes: { admin: true },
    type: [ApiKeyRef],
    description: 'Every key, newest first (prefix only).',
    resolve: (_root, _args, { services }) => services.apiKeys.list(),
  }),
);

builder.mutationField('createApiKey', (t) =>
  t.field({
    authScopes: { admin: true },
    type: CreateApiKeyResultRef,
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, { services, principal }) => {
      try {
        return await services.apiKeys.create({
          name: input.name,
          role: input.role,
          expiresAt: input.expiresAt?.getTime() ?? null,
          rateLimitPolicy: input.rateLimitPolicy ?? null,
          createdBy: principal.kind === 'key' ? principal.name : 'api',
        });
      } catch (error) {
        if (error instanceof AccessError && error.code === 'INVALID_ARGUMENT') {
          return validationError([{ field: 'input', code: error.code, message: error.message }]);
        }
        throw error;
      }
    },
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    authScopes: { admin: true },
    type: RevokeApiKeyResultRef,
    description: 'Revokes a key at once (other instances within half a second).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, { services }) => {
      const numeric = Number(id);
      const revoked = Number.isSafeInteger(numeric)
        ? await services.apiKeys.revoke(numeric)
        : undefined;
      if (revoked) return revoked;
      const notFound: NotFoundErrorShape = {
        kind: 'not-found',
        message: `No API key has the id "${id.slice(0, 40)}"`,
        id,
      };
      return notFound;
    },
  }),
);
