import type { Supplier } from '@taurine/calculator';
import { builder } from './builder.ts';

export const RegionEnum = builder.enumType('Region', {
  values: {
    NORTH_AMERICA: { value: 'north-america' },
    EUROPE: { value: 'europe' },
    ASIA_PACIFIC: { value: 'asia-pacific' },
    LATIN_AMERICA: { value: 'latin-america' },
    MIDDLE_EAST_AFRICA: { value: 'middle-east-africa' },
  } as const,
});

export const SupplierRef = builder.objectRef<Supplier>('Supplier').implement({
  description: 'A company that makes or sells flavors and ingredients.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    region: t.field({ type: RegionEnum, resolve: (supplier) => supplier.region }),
    country: t.exposeString('country'),
    active: t.exposeBoolean('active'),
    website: t.exposeString('website'),
  }),
});

builder.queryField('suppliers', (t) =>
  t.field({
    authScopes: { public: true },
    type: [SupplierRef],
    description: 'Suppliers, optionally only one region or only active ones.',
    args: {
      region: t.arg({ type: RegionEnum, required: false }),
      active: t.arg.boolean({ required: false }),
    },
    resolve: (_root, args, { services }) =>
      services.catalog.suppliers({
        region: args.region ?? undefined,
        active: args.active ?? undefined,
      }),
  }),
);
