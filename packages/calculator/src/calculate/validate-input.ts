import { flavorById } from '../catalog/flavors.ts';
import { ingredientById } from '../catalog/ingredients.ts';
import type { Flavor, Ingredient } from '../catalog/model.ts';
import { INPUT_LIMITS } from '../guidance.ts';
import type { FieldError } from './types.ts';

/** Input that passed validation, with ids resolved to catalogue records. */
export interface ValidCalculateInput {
  flavor: Flavor;
  servingMl: number;
  addIns: { ingredient: Ingredient; amount: number }[];
  bodyWeightKg: number | null;
}

/** Either the resolved input or every error found. */
export type InputValidation =
  { ok: true; value: ValidCalculateInput } | { ok: false; errors: FieldError[] };

/** Longest id echoed back in a message: a megabyte of garbage must not come back in a response. */
const MAX_ECHOED_ID_LENGTH = 40;

/** Stands for a value whose read threw (a hostile getter or a revoked Proxy). */
const UNREADABLE: unique symbol = Symbol('unreadable');

/**
 * Reads an own property only, so inherited or polluted prototype properties never count as input,
 * and never throws. A throwing read yields `UNREADABLE`, which fails every type check below.
 */
function readOwn(target: unknown, key: string | number): unknown {
  if (typeof target !== 'object' || target === null) return undefined;
  try {
    return Object.hasOwn(target, key)
      ? (target as Record<string | number, unknown>)[key]
      : undefined;
  } catch {
    return UNREADABLE;
  }
}

function isList(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    // Array.isArray throws on a revoked Proxy.
    return false;
  }
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !isList(value);
}

function isMissing(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function describeId(id: string): string {
  const shown = id.length > MAX_ECHOED_ID_LENGTH ? `${id.slice(0, MAX_ECHOED_ID_LENGTH)}…` : id;
  return JSON.stringify(shown);
}

function describeLimit(value: number, unit: string): string {
  return `${value.toLocaleString('en-US')} ${unit}`;
}

/** Checks a finite number in [min, max]; returns it when valid, `undefined` otherwise. */
function checkNumberInRange(
  field: string,
  value: unknown,
  range: { min: number; max: number; unit: string },
  errors: FieldError[],
): number | undefined {
  if (isMissing(value)) {
    errors.push({ field, code: 'REQUIRED', message: `${field} is required.` });
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push({ field, code: 'NOT_A_NUMBER', message: `${field} must be a finite number.` });
    return undefined;
  }
  if (value < range.min || value > range.max) {
    errors.push({
      field,
      code: 'OUT_OF_RANGE',
      message: `${field} must be between ${describeLimit(range.min, range.unit)} and ${describeLimit(range.max, range.unit)}.`,
    });
    return undefined;
  }
  return value;
}

function checkFlavor(
  raw: unknown,
  allowInactive: boolean,
  errors: FieldError[],
): Flavor | undefined {
  const field = 'flavorId';
  if (typeof raw !== 'string' || raw === '') {
    errors.push({ field, code: 'REQUIRED', message: 'flavorId must be a non-empty string.' });
    return undefined;
  }
  const flavor = flavorById(raw);
  if (!flavor) {
    errors.push({ field, code: 'UNKNOWN_ID', message: `No flavor with id ${describeId(raw)}.` });
    return undefined;
  }
  if (!flavor.active && !allowInactive) {
    errors.push({
      field,
      code: 'INACTIVE',
      message: `${flavor.name} is discontinued and cannot be calculated.`,
    });
    return undefined;
  }
  return flavor;
}

function checkAmount(
  field: string,
  raw: unknown,
  ingredient: Ingredient | undefined,
  errors: FieldError[],
): number | undefined {
  if (isMissing(raw)) {
    errors.push({ field, code: 'REQUIRED', message: `${field} is required.` });
    return undefined;
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    errors.push({ field, code: 'NOT_A_NUMBER', message: `${field} must be a finite number.` });
    return undefined;
  }
  if (raw <= 0) {
    errors.push({ field, code: 'OUT_OF_RANGE', message: `${field} must be greater than 0.` });
    return undefined;
  }
  if (ingredient && raw > ingredient.maxAmount) {
    errors.push({
      field,
      code: 'OUT_OF_RANGE',
      message: `${field} must be at most ${describeLimit(ingredient.maxAmount, ingredient.unit)} of ${ingredient.name}.`,
    });
    return undefined;
  }
  return raw;
}

function checkAddIns(raw: unknown, errors: FieldError[]): ValidCalculateInput['addIns'] {
  const addIns: ValidCalculateInput['addIns'] = [];
  if (isMissing(raw)) return addIns;
  const length = isList(raw) ? readOwn(raw, 'length') : undefined;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    errors.push({
      field: 'addIns',
      code: 'REQUIRED',
      message: 'addIns must be a list of { ingredientId, amount }.',
    });
    return addIns;
  }
  if (length > INPUT_LIMITS.maxAddIns) {
    errors.push({
      field: 'addIns',
      code: 'TOO_MANY',
      message: `At most ${INPUT_LIMITS.maxAddIns} add-ins are allowed, got ${length}.`,
    });
  }
  // Only the first `maxAddIns` items are inspected: a million-item list costs no more than 20.
  const firstIndexById = new Map<string, number>();
  for (let index = 0; index < Math.min(length, INPUT_LIMITS.maxAddIns); index += 1) {
    const path = `addIns[${index}]`;
    const item = readOwn(raw, index);
    if (!isRecord(item)) {
      errors.push({
        field: path,
        code: 'REQUIRED',
        message: `${path} must be an object { ingredientId, amount }.`,
      });
      continue;
    }
    const idField = `${path}.ingredientId`;
    const rawId = readOwn(item, 'ingredientId');
    let ingredient: Ingredient | undefined;
    if (typeof rawId !== 'string' || rawId === '') {
      errors.push({
        field: idField,
        code: 'REQUIRED',
        message: `${idField} must be a non-empty string.`,
      });
    } else {
      ingredient = ingredientById(rawId);
      const firstIndex = firstIndexById.get(rawId);
      if (!ingredient) {
        errors.push({
          field: idField,
          code: 'UNKNOWN_ID',
          message: `No ingredient with id ${describeId(rawId)}.`,
        });
      } else if (firstIndex !== undefined) {
        errors.push({
          field: idField,
          code: 'DUPLICATE',
          message: `${ingredient.name} is already added at addIns[${firstIndex}]; give one amount.`,
        });
      } else {
        firstIndexById.set(rawId, index);
      }
    }
    const amount = checkAmount(`${path}.amount`, readOwn(item, 'amount'), ingredient, errors);
    if (ingredient && amount !== undefined) addIns.push({ ingredient, amount });
  }
  return addIns;
}

/**
 * Validates untrusted calculator input and resolves its ids. Never throws; collects every field
 * error, in field order (flavorId, servingMl, addIns, bodyWeightKg). A non-object input reads as
 * an empty one, so it reports the required fields.
 */
export function validateCalculateInput(input: unknown, allowInactive: boolean): InputValidation {
  const errors: FieldError[] = [];
  const record = isRecord(input) ? input : undefined;
  const flavor = checkFlavor(readOwn(record, 'flavorId'), allowInactive, errors);
  const servingMl = checkNumberInRange(
    'servingMl',
    readOwn(record, 'servingMl'),
    { ...INPUT_LIMITS.servingMl, unit: 'ml' },
    errors,
  );
  const addIns = checkAddIns(readOwn(record, 'addIns'), errors);
  const rawWeight = readOwn(record, 'bodyWeightKg');
  const bodyWeightKg = isMissing(rawWeight)
    ? null
    : checkNumberInRange(
        'bodyWeightKg',
        rawWeight,
        { ...INPUT_LIMITS.bodyWeightKg, unit: 'kg' },
        errors,
      );
  if (errors.length > 0 || !flavor || servingMl === undefined || bodyWeightKg === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, value: { flavor, servingMl, addIns, bodyWeightKg } };
}
