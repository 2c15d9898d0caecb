import { builder } from './builder.ts';

/** What a delete mutation removed. */
export interface DeletionShape {
  id: string;
}

export const DeletionRef = builder.objectRef<DeletionShape>('Deletion').implement({
  description: 'The id of what was deleted.',
  fields: (t) => ({ id: t.exposeID('id') }),
});
