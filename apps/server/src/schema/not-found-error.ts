import { builder } from './builder.ts';

/** An id named nothing: an expected failure, returned as a typed result. */
export interface NotFoundErrorShape {
  kind: 'not-found';
  message: string;
  id: string;
}

export const NotFoundErrorRef = builder.objectRef<NotFoundErrorShape>('NotFoundError').implement({
  description: 'Nothing has the given id; nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message'),
    id: t.exposeID('id'),
  }),
});
