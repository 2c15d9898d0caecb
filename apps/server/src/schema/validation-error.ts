import { builder } from './builder.ts';

/** A field-level problem with an input, as returned by the calculator and other validators. */
export interface FieldErrorShape {
  field: string;
  code: string;
  message: string;
}

export const FieldErrorRef = builder.objectRef<FieldErrorShape>('FieldError').implement({
  description: 'One invalid input field: where it is, a machine-readable code and a message.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Path of the field, e.g. `addIns[1].amount`.' }),
    code: t.exposeString('code', { description: 'E.g. `OUT_OF_RANGE`, `UNKNOWN_ID`, `REQUIRED`.' }),
    message: t.exposeString('message'),
  }),
});

/** Expected input failures are part of the schema: a typed result, not an exception. */
export interface ValidationErrorShape {
  kind: 'validation-error';
  message: string;
  errors: FieldErrorShape[];
}

export const ValidationErrorRef = builder
  .objectRef<ValidationErrorShape>('ValidationError')
  .implement({
    description: 'The input was rejected; nothing was changed. Each field error says why.',
    fields: (t) => ({
      message: t.exposeString('message'),
      errors: t.field({ type: [FieldErrorRef], resolve: (error) => error.errors }),
    }),
  });

export const validationError = (errors: FieldErrorShape[]): ValidationErrorShape => ({
  kind: 'validation-error',
  message: `${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors
    .map((error) => error.field)
    .join(', ')}`,
  errors,
});
