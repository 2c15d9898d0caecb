import { NUTRITION_BASIS_ML } from '@taurine/calculator';
import type { Flavor } from '@taurine/calculator';
import { GraphQLError } from 'graphql';
import { debugDelay } from '../insight/debug-delay.ts';
import { builder } from './builder.ts';
import { SupplierRef } from './supplier.ts';

export const FlavorCategoryEnum = builder.enumType('FlavorCategory', {
  values: {
    CLASSIC: { value: 'classic' },
    SUGAR_FREE: { value: 'sugar-free' },
    NATURAL: { value: 'natural' },
    COFFEE: { value: 'coffee' },
    TEA: { value: 'tea' },
    SPORTS: { value: 'sports' },
    SHOT: { value: 'shot' },
  } as const,
});

export const FlavorRef = builder.objectRef<Flavor>('Flavor').implement({
  description:
    'A ready-made drink. Nutrition values are per 250 ml; `containersMl` are the sizes it is sold in.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    brand: t.exposeString('brand'),
    category: t.field({ type: FlavorCategoryEnum, resolve: (flavor) => flavor.category }),
    caffeineMg: t.exposeFloat('caffeineMg', { description: 'Caffeine in mg per 250 ml.' }),
    caffeinePer100ml: t.float({ resolve: (flavor) => flavor.caffeineMg / 2.5 }),
    sugarG: t.exposeFloat('sugarG', { description: 'Sugar in g per 250 ml.' }),
    kcal: t.exposeFloat('kcal', { description: 'Energy in kcal per 250 ml.' }),
    priceUsd: t.exposeFloat('priceUsd', { description: 'Price in USD per 250 ml.' }),
    containersMl: t.exposeFloatList('containersMl', {
      description:
        'Container sizes it is sold in, in ml: the primary one first, then the others from small to large. Serving presets.',
    }),
    defaultServingMl: t.exposeFloat('defaultServingMl', {
      description: 'The serving to start from: its primary container (a shot is 57 ml, not 250).',
    }),
    caffeinePerServingMg: t.float({
      description: 'Caffeine in mg in `defaultServingMl`.',
      resolve: (flavor) =>
        Math.round(((flavor.caffeineMg * flavor.defaultServingMl) / NUTRITION_BASIS_ML) * 10) / 10,
    }),
    active: t.exposeBoolean('active', { description: 'False when discontinued.' }),
    affiliateUrl: t.exposeString('affiliateUrl'),
    description: t.exposeString('description'),
    supplier: t.field({
      type: SupplierRef,
      nullable: true,
      resolve: (flavor, _args, { services }) => services.catalog.supplier(flavor.supplierId),
    }),
  }),
});

const FlavorFilterInput = builder.inputType('FlavorFilter', {
  fields: (t) => ({
    category: t.field({ type: FlavorCategoryEnum, required: false }),
    maxCaffeineMg: t.float({ required: false, description: 'Per 250 ml.' }),
    search: t.string({ required: false, description: 'Case-insensitive text search.' }),
    includeInactive: t.boolean({ required: false, defaultValue: false }),
  }),
});

interface FlavorEdge {
  cursor: string;
  node: Flavor;
}
interface FlavorConnection {
  edges: FlavorEdge[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

const PageInfoRef = builder.objectRef<FlavorConnection>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.string({ nullable: true, resolve: (c) => c.edges[0]?.cursor ?? null }),
    endCursor: t.string({ nullable: true, resolve: (c) => c.edges.at(-1)?.cursor ?? null }),
  }),
});

const FlavorEdgeRef = builder.objectRef<FlavorEdge>('FlavorEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: FlavorRef, resolve: (edge) => edge.node }),
  }),
});

const FlavorConnectionRef = builder.objectRef<FlavorConnection>('FlavorConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [FlavorEdgeRef], resolve: (c) => c.edges }),
    pageInfo: t.field({ type: PageInfoRef, resolve: (c) => c }),
    totalCount: t.exposeInt('totalCount', { description: 'Matches across all pages.' }),
  }),
});

/** Cursors are opaque to clients; inside they name the last flavor seen. */
const encodeCursor = (id: string): string => Buffer.from(`flavor:${id}`).toString('base64url');
const decodeCursor = (cursor: string): string => {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('flavor:')) {
    throw new GraphQLError('Invalid cursor: pass `endCursor` from a previous page', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return decoded.slice('flavor:'.length);
};

export const MAX_PAGE_SIZE = 100;

builder.queryField('flavors', (t) =>
  t.field({
    authScopes: { public: true },
    type: FlavorConnectionRef,
    description: `Flavors matching the filter, by name, in pages of at most ${MAX_PAGE_SIZE}.`,
    args: {
      first: t.arg.int({ required: false, defaultValue: 20 }),
      after: t.arg.string({ required: false }),
      filter: t.arg({ type: FlavorFilterInput, required: false }),
    },
    resolve: async (_root, args, { services, request }) => {
      await debugDelay(services.config.benchmark.debugDelayMs, request);
      const first = args.first ?? 20;
      if (first < 0 || first > MAX_PAGE_SIZE) {
        throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const maxCaffeineMg = args.filter?.maxCaffeineMg;
      if (maxCaffeineMg != null && !(maxCaffeineMg >= 0)) {
        throw new GraphQLError('filter.maxCaffeineMg must be zero or more', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const matches = await services.catalog.flavors({
        category: args.filter?.category ?? undefined,
        maxCaffeineMg: maxCaffeineMg ?? undefined,
        search: args.filter?.search?.slice(0, 200) ?? undefined,
        includeInactive: args.filter?.includeInactive ?? false,
      });
      let start = 0;
      if (args.after != null) {
        const afterId = decodeCursor(args.after);
        const index = matches.findIndex((flavor) => flavor.id === afterId);
        if (index === -1) {
          throw new GraphQLError('Unknown cursor: it names no flavor in this result', {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
        start = index + 1;
      }
      const page = matches.slice(start, start + first);
      return {
        edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
        totalCount: matches.length,
        hasNextPage: start + first < matches.length,
        hasPreviousPage: start > 0,
      };
    },
  }),
);

builder.queryField('flavor', (t) =>
  t.field({
    authScopes: { public: true },
    type: FlavorRef,
    nullable: true,
    description: 'One flavor by id; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, { services }) => services.catalog.flavor(args.id),
  }),
);
