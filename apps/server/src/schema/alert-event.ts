import type { Severity } from '@taurine/monitor';
import { ALERT_EVENT_TYPES, isAlertEvent, isAtLeast } from '../alerting/alert-events.ts';
import type { AlertEvent } from '../alerting/alert-events.ts';
import { AlertRef, AlertSeverityEnum } from './alert.ts';
import { builder } from './builder.ts';

const AlertEventTypeEnum = builder.enumType('AlertEventType', {
  values: Object.fromEntries(
    ALERT_EVENT_TYPES.map((type) => [type.toUpperCase(), { value: type }]),
  ) as Record<Uppercase<AlertEvent['type']>, { value: AlertEvent['type'] }>,
});

export const AlertEventRef = builder.objectRef<AlertEvent>('AlertEvent').implement({
  description:
    'Something happened to an alert: raised (started firing), acknowledged, resolved, escalated, or an automatic response acted on it (responded).',
  fields: (t) => ({
    type: t.field({ type: AlertEventTypeEnum, resolve: (event) => event.type }),
    at: t.field({ type: 'DateTime', resolve: (event) => new Date(event.at) }),
    actor: t.exposeString('actor', { description: '`system`, or who acknowledged or resolved.' }),
    comment: t.exposeString('comment', { nullable: true }),
    alert: t.field({ type: AlertRef, resolve: (event) => event.alert }),
  }),
});

/** Role: viewer. */
builder.subscriptionField('alertEvents', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: AlertEventRef,
    description:
      'Every alert event from any instance, of `minSeverity` or more urgent (default all).',
    args: { minSeverity: t.arg({ type: AlertSeverityEnum, required: false }) },
    subscribe: async function* (_root, args, { services }) {
      const minimum: Severity = args.minSeverity ?? 'info';
      const events = services.pubsub.subscribe('alertEvent');
      try {
        for await (const event of events) {
          if (isAlertEvent(event) && isAtLeast(event.alert.alert.severity, minimum)) yield event;
        }
      } finally {
        await events.return();
      }
    },
    resolve: (event: AlertEvent) => event,
  }),
);
