import type { FieldError, FieldErrorCode } from './field-error.ts';

/**
 * Collects field errors while reading untrusted input, so a validator reports every problem at
 * once instead of stopping at the first. Each reader returns the value when it is usable and
 * `undefined` after recording why it is not.
 */
export class FieldChecks {
  readonly errors: FieldError[] = [];

  fail(field: string, code: FieldErrorCode, message: string): void {
    this.errors.push({ field, code, message });
  }

  /** A required string, trimmed, non-empty and at most `maxLength` characters. */
  text(value: unknown, field: string, maxLength: number): string | undefined {
    if (value === undefined || value === null) {
      this.fail(field, 'required', `${field} is required`);
    } else if (typeof value !== 'string') {
      this.fail(field, 'invalid-type', `${field} must be a string`);
    } else if (value.trim() === '') {
      this.fail(field, 'empty', `${field} must not be empty`);
    } else if (value.trim().length > maxLength) {
      this.fail(field, 'too-long', `${field} must be at most ${maxLength} characters`);
    } else {
      return value.trim();
    }
    return undefined;
  }

  /** A string that may be absent; present but blank counts as absent. */
  optionalText(value: unknown, field: string, maxLength: number): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' && value.trim() === '') return undefined;
    return this.text(value, field, maxLength);
  }

  /** One of `allowed`. */
  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
    if (value === undefined || value === null) {
      this.fail(field, 'required', `${field} is required`);
    } else if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
      return value as T;
    } else {
      this.fail(field, 'not-allowed', `${field} must be one of ${allowed.join(', ')}`);
    }
    return undefined;
  }

  /** A finite number (NaN and ±Infinity rejected). */
  finite(value: unknown, field: string): number | undefined {
    if (value === undefined || value === null) {
      this.fail(field, 'required', `${field} is required`);
    } else if (typeof value !== 'number') {
      this.fail(field, 'invalid-type', `${field} must be a number`);
    } else if (!Number.isFinite(value)) {
      this.fail(field, 'not-finite', `${field} must be a finite number`);
    } else {
      return value;
    }
    return undefined;
  }

  /** A finite duration or timestamp in milliseconds, `>= 0`. */
  nonNegative(value: unknown, field: string): number | undefined {
    const number = this.finite(value, field);
    if (number === undefined) return undefined;
    if (number < 0) {
      this.fail(field, 'negative', `${field} must not be negative`);
      return undefined;
    }
    return number;
  }

  /** A boolean, or `fallback` when absent. */
  flag(value: unknown, field: string, fallback: boolean): boolean | undefined {
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    this.fail(field, 'invalid-type', `${field} must be a boolean`);
    return undefined;
  }
}

/** True for plain objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
