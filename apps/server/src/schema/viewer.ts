import { viewerOf } from '../access/viewer.ts';
import type { Viewer } from '../access/viewer.ts';
import { RoleEnum } from './api-key.ts';
import { builder } from './builder.ts';

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The API key this request was made with (never the key itself).',
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (viewer) => viewer.role }),
    permissions: t.exposeStringList('permissions', {
      description:
        'What the role may do, e.g. `alerts:read`, `alerts:respond`, `rules:manage` (the README’s role table).',
    }),
  }),
});

/** Role: public (it only describes the caller's own key). */
builder.queryField('viewer', (t) =>
  t.field({
    authScopes: { public: true },
    type: ViewerRef,
    nullable: true,
    description:
      'The caller’s key: its name, role and permissions; null without a key or with one that was rejected.',
    resolve: (_root, _args, { principal }) => viewerOf(principal),
  }),
);
