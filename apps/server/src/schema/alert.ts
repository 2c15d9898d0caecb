import { SEVERITY_POLICY } from '@taurine/monitor';
import type { AlertCursor, AlertRecord, AlertRecordStatus } from '@taurine/store';
import { GraphQLError } from 'graphql';
import { alertingActorName } from '../alerting/actor.ts';
import { valueOrError } from '../alerting/alerting-results.ts';
import type { AlertingFailure } from '../alerting/alerting-results.ts';
import { AlertStatusEnum, AlertTransitionRef } from './alert-transition.ts';
import { builder } from './builder.ts';
import { StatEnum, StatsWindowEnum, TagRef, toTagPairs } from './metric.ts';
import { NotFoundErrorRef } from './not-found-error.ts';
import { NotificationDeliveryRef } from './notification-delivery.ts';

export const AlertSeverityEnum = builder.enumType('AlertSeverity', {
  values: {
    CRITICAL: { value: 'critical', description: 'P0: pages at once.' },
    ERROR: { value: 'error', description: 'P1.' },
    WARNING: { value: 'warning', description: 'P2.' },
    INFO: { value: 'info', description: 'P3.' },
  } as const,
});

export const AlertComparisonEnum = builder.enumType('AlertComparison', {
  values: {
    GT: { value: '>' },
    GTE: { value: '>=' },
    LT: { value: '<' },
    LTE: { value: '<=' },
  } as const,
});

const at = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export const AlertRef = builder.objectRef<AlertRecord>('Alert').implement({
  description:
    'One rule applied to one tag set: `stat(metric{tags}) over window <comparison> threshold`.',
  fields: (t) => ({
    id: t.id({
      description: 'The fingerprint (stable per rule and tag set).',
      resolve: (r) => r.alert.fingerprint,
    }),
    episodeKey: t.string({
      description:
        'This episode of the alert: `fingerprint:startsAt` (idempotency keys start with it). Notifications group by the fingerprint (`id`): it is the webhook `groupKey` and the PagerDuty `dedup_key`.',
      resolve: (r) => r.alert.groupKey,
    }),
    ruleId: t.id({ resolve: (r) => r.alert.ruleId }),
    name: t.string({ resolve: (r) => r.alert.ruleName }),
    description: t.string({ nullable: true, resolve: (r) => r.alert.description }),
    metric: t.string({ resolve: (r) => r.alert.metric }),
    stat: t.field({ type: StatEnum, resolve: (r) => r.alert.stat }),
    window: t.field({ type: StatsWindowEnum, resolve: (r) => r.alert.window }),
    comparison: t.field({ type: AlertComparisonEnum, resolve: (r) => r.alert.comparison }),
    threshold: t.float({ resolve: (r) => r.alert.threshold }),
    severity: t.field({ type: AlertSeverityEnum, resolve: (r) => r.alert.severity }),
    priority: t.string({
      description: 'P0 (critical) to P3 (info).',
      resolve: (r) => SEVERITY_POLICY[r.alert.severity].priority,
    }),
    tags: t.field({ type: [TagRef], resolve: (r) => toTagPairs(r.alert.tags) }),
    status: t.field({ type: AlertStatusEnum, resolve: (r) => r.status }),
    value: t.float({
      nullable: true,
      description: 'The last value read; null: no data.',
      resolve: (r) => r.alert.value,
    }),
    startsAt: t.field({ type: 'DateTime', resolve: (r) => new Date(r.alert.startsAt) }),
    firingSince: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (r) => at(r.alert.firingSince),
    }),
    acknowledgedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (r) => at(r.alert.acknowledgedAt),
    }),
    acknowledgedBy: t.string({ nullable: true, resolve: (r) => r.alert.acknowledgedBy }),
    resolvedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (r) => at(r.alert.resolvedAt),
    }),
    resolvedBy: t.string({ nullable: true, resolve: (r) => r.alert.resolvedBy }),
    escalationLevel: t.int({
      description: '0: first channels; n: n-th escalation.',
      resolve: (r) => r.alert.escalationLevel,
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => new Date(r.updatedAt) }),
    history: t.field({
      type: [AlertTransitionRef],
      description: 'Every transition of this fingerprint, oldest first.',
      resolve: (r, _args, { services }) => services.alerting.history(r.alert.fingerprint),
    }),
    silencedBy: t.idList({
      description:
        'Ids of the silences muting this alert now; empty when none does. A silenced alert still changes state, its notifications are held back.',
      resolve: (r, _args, { services }) => services.alerting.silencesCovering(r.alert),
    }),
    deliveries: t.field({
      type: [NotificationDeliveryRef],
      description:
        'Notifications about this fingerprint, newest first. Below operator, channel names and error texts are null (see `notificationLog`).',
      resolve: (r, _args, { services }) => services.alerting.deliveries(r.alert.fingerprint),
    }),
  }),
});

interface AlertConnection {
  records: AlertRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

const encodeCursor = (r: AlertRecord): string =>
  Buffer.from(JSON.stringify([r.alert.startsAt, r.alert.fingerprint])).toString('base64url');
const decodeCursor = (cursor: string): AlertCursor => {
  try {
    const [startsAt, fingerprint] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (Number.isSafeInteger(startsAt) && typeof fingerprint === 'string') {
      return { startsAt: startsAt as number, fingerprint };
    }
  } catch {
    // Reported below.
  }
  throw new GraphQLError('Invalid cursor: pass `endCursor` from a previous page', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
};

const AlertEdgeRef = builder.objectRef<AlertRecord>('AlertEdge').implement({
  fields: (t) => ({
    cursor: t.string({ resolve: encodeCursor }),
    node: t.field({ type: AlertRef, resolve: (r) => r }),
  }),
});

const AlertConnectionRef = builder.objectRef<AlertConnection>('AlertConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [AlertEdgeRef], resolve: (c) => c.records }),
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.string({
      nullable: true,
      resolve: (c) => (c.records.length === 0 ? null : encodeCursor(c.records.at(-1)!)),
    }),
    totalCount: t.exposeInt('totalCount', { description: 'Matches across all pages.' }),
  }),
});

export const MAX_ALERTS_PAGE = 100;

/** Role: viewer. */
builder.queryField('alerts', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: AlertConnectionRef,
    description: `Alerts, newest episode first, in pages of at most ${MAX_ALERTS_PAGE}.`,
    args: {
      status: t.arg({ type: [AlertStatusEnum], required: false }),
      severity: t.arg({ type: [AlertSeverityEnum], required: false }),
      first: t.arg.int({ required: false, defaultValue: 20 }),
      after: t.arg.string({ required: false }),
    },
    resolve: (_root, args, { services }) => {
      const first = args.first ?? 20;
      if (first < 0 || first > MAX_ALERTS_PAGE) {
        throw new GraphQLError(`first must be between 0 and ${MAX_ALERTS_PAGE}`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return services.alerting.alerts({
        statuses: args.status ?? undefined,
        severities: args.severity ?? undefined,
        first,
        after: args.after == null ? undefined : decodeCursor(args.after),
      });
    },
  }),
);

/** Role: viewer. */
builder.queryField('alert', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: AlertRef,
    nullable: true,
    description: 'One alert by id (fingerprint); null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, { services }) => (await services.alerting.alert(args.id)) ?? null,
  }),
);

type AlertActionErrorShape = Extract<AlertingFailure, { kind: 'alert-action-error' }>;

const AlertActionErrorRef = builder.objectRef<AlertActionErrorShape>('AlertActionError').implement({
  description:
    'The alert is not in a state that allows this (e.g. acknowledging a resolved alert).',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: '`invalid-transition` or `invalid-actor`.' }),
    // Not `status`: it would clash with `Alert.status` (non-null) in one selection of the union.
    alertStatus: t.field({
      type: AlertStatusEnum,
      nullable: true,
      description: 'The alert’s status when the action was refused.',
      resolve: (e) => e.status as AlertRecordStatus | null,
    }),
  }),
});

const AlertActionResultRef = builder.unionType('AlertActionResult', {
  types: [AlertRef, AlertActionErrorRef, NotFoundErrorRef],
  resolveType: (value) => {
    if (!('kind' in value)) return AlertRef;
    return value.kind === 'not-found' ? NotFoundErrorRef : AlertActionErrorRef;
  },
});

for (const [field, action] of [
  ['acknowledgeAlert', 'acknowledge'],
  ['resolveAlert', 'resolve'],
] as const) {
  /** Role: operator. */
  builder.mutationField(field, (t) =>
    t.field({
      authScopes: { operator: true },
      type: AlertActionResultRef,
      description:
        action === 'acknowledge'
          ? 'Acknowledges a firing alert: repeats and escalations stop; PagerDuty is acknowledged.'
          : 'Resolves an open alert by hand; channels (PagerDuty included) are told.',
      args: { id: t.arg.id({ required: true }), comment: t.arg.string({ required: false }) },
      resolve: async (_root, args, context) => {
        const comment = args.comment?.slice(0, 500) ?? undefined;
        const result = await context.services.alerting[action](
          args.id,
          alertingActorName(context),
          comment,
        );
        return valueOrError(result) as
          AlertRecord | AlertActionErrorShape | { kind: 'not-found'; message: string; id: string };
      },
    }),
  );
}
