import { NotifyError } from './notify-error.ts';

/** Throws the INVALID_OPTIONS error with the exact message `${scope}: ${message}`. */
export function invalidOption(scope: string, message: string): never {
  throw new NotifyError('INVALID_OPTIONS', `${scope}: ${message}`);
}

export function checkPositiveNumber(scope: string, field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    invalidOption(scope, `${field} must be a positive finite number`);
  }
  return value;
}

export function checkNonNegativeInteger(scope: string, field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    invalidOption(scope, `${field} must be a non-negative integer`);
  }
  return value;
}

export function checkNonEmptyString(scope: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    invalidOption(scope, `${field} must be a non-empty string`);
  }
  return value;
}

/** Parses an absolute http(s) URL without ever echoing it (it may hold a secret). */
export function checkHttpUrl(scope: string, field: string, value: unknown): URL {
  let url: URL | undefined;
  if (typeof value === 'string') {
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    invalidOption(scope, `${field} must be an absolute http(s) URL`);
  }
  return url;
}
