import type { CaffeineLimit } from '@taurine/calculator';
import { builder } from './builder.ts';
import { GuidanceSourceRef } from './guidance-source.ts';

const CaffeineLimitBasisEnum = builder.enumType('CaffeineLimitBasis', {
  description: 'How the single-dose limit was chosen.',
  values: {
    BODY_WEIGHT: { value: 'body-weight', description: '3 mg per kg of the body weight given.' },
    ADULT_DEFAULT: {
      value: 'adult-default',
      description: "200 mg, EFSA's adult single dose, because no body weight was given.",
    },
  } as const,
});

export const CaffeineLimitRef = builder.objectRef<CaffeineLimit>('CaffeineLimit').implement({
  description:
    'The caffeine limit one serving is rated against (EFSA 2015), how it was derived and its sources.',
  fields: (t) => ({
    capMg: t.exposeFloat('capMg', {
      description:
        'The cap for this serving: the single-dose limit, or the 400 mg daily limit when lower (above 133 kg). The rating is OVER_LIMIT iff the caffeine is above it.',
    }),
    singleDoseMg: t.exposeFloat('singleDoseMg', {
      description: '3 mg/kg × body weight when it is given, else 200 mg.',
    }),
    basis: t.field({ type: CaffeineLimitBasisEnum, resolve: (limit) => limit.basis }),
    bodyWeightKg: t.exposeFloat('bodyWeightKg', { nullable: true }),
    mgPerKg: t.exposeFloat('mgPerKg', { description: 'The per-kg single dose: 3 mg/kg.' }),
    dailyMg: t.exposeFloat('dailyMg', {
      description:
        "Adults' daily limit, 400 mg. EFSA's limit for children and adolescents is 3 mg/kg a day.",
    }),
    explanation: t.exposeString('explanation', {
      description: 'The cap and how it was derived, in one English sentence.',
    }),
    sources: t.field({ type: [GuidanceSourceRef], resolve: (limit) => [...limit.sources] }),
  }),
});
