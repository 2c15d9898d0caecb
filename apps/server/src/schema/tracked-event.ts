import { builder } from './builder.ts';
import { ValidationErrorRef, validationError } from './validation-error.ts';

const CalculatorEventTypeEnum = builder.enumType('CalculatorEventType', {
  values: {
    CALCULATION: { value: 'calculation', description: 'A visitor settled on a drink.' },
    AFFILIATE_CLICK: { value: 'affiliate_click', description: 'A visitor followed a buy link.' },
  } as const,
});

interface TrackedEvent {
  id: number;
  type: 'calculation' | 'affiliate_click';
  flavorId: string;
  at: Date;
}

const TrackedEventRef = builder.objectRef<TrackedEvent>('TrackedEvent').implement({
  description: 'A stored business event.',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.field({ type: CalculatorEventTypeEnum, resolve: (event) => event.type }),
    flavorId: t.exposeID('flavorId'),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

const TrackEventResultRef = builder.unionType('TrackEventResult', {
  types: [TrackedEventRef, ValidationErrorRef],
  resolveType: (value) => ('kind' in value ? ValidationErrorRef : TrackedEventRef),
});

const TrackEventInput = builder.inputType('TrackEventInput', {
  fields: (t) => ({
    type: t.field({ type: CalculatorEventTypeEnum, required: true }),
    flavorId: t.id({ required: true }),
  }),
});

builder.mutationField('trackEvent', (t) =>
  t.field({
    authScopes: { public: true },
    type: TrackEventResultRef,
    description: 'Records a calculator business event (public: no key needed).',
    args: { input: t.arg({ type: TrackEventInput, required: true }) },
    resolve: async (_root, { input }, { services, sessionId }) => {
      const { flavorId } = input;
      if ((await services.catalog.flavor(flavorId)) === null) {
        return validationError([
          {
            field: 'flavorId',
            code: 'UNKNOWN_ID',
            message: `No flavor has the id "${flavorId.slice(0, 80)}"`,
          },
        ]);
      }
      return services.events.track({ type: input.type, flavorId, sessionId });
    },
  }),
);
