import type { StoredTransition } from '@taurine/store';
import { builder } from './builder.ts';

/** Lifecycle states, including `INACTIVE`: before an alert exists and after one cleared unfired. */
export const AlertStatusEnum = builder.enumType('AlertStatus', {
  values: {
    PENDING: {
      value: 'pending',
      description: 'The condition holds, not yet for the rule’s `for`.',
    },
    FIRING: { value: 'firing', description: 'Notified; repeats and escalates until acknowledged.' },
    ACKNOWLEDGED: { value: 'acknowledged', description: 'Someone owns it: no more repeats.' },
    RESOLVED: { value: 'resolved', description: 'Over (by itself or by hand).' },
    NO_DATA: {
      value: 'no-data',
      description: 'The statistic has no value: neither OK nor firing.',
    },
    INACTIVE: { value: 'inactive', description: 'Cleared before it fired; nobody was notified.' },
  } as const,
});

export const AlertTransitionRef = builder.objectRef<StoredTransition>('AlertTransition').implement({
  description: 'One lifecycle step of an alert, with who made it, when, and the value then.',
  fields: (t) => ({
    from: t.field({ type: AlertStatusEnum, resolve: (step) => step.from }),
    to: t.field({ type: AlertStatusEnum, resolve: (step) => step.to }),
    at: t.field({ type: 'DateTime', resolve: (step) => new Date(step.at) }),
    actor: t.exposeString('actor', { description: '`system`, or who acknowledged/resolved.' }),
    value: t.exposeFloat('value', { nullable: true }),
    threshold: t.exposeFloat('threshold'),
    comment: t.string({ nullable: true, resolve: (step) => step.comment ?? null }),
  }),
});
