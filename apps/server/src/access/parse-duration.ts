import { AccessError } from './access-error.ts';

const UNIT_MS = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
} as const;

/** Longest accepted duration: ten years. */
export const MAX_DURATION_MS = 3650 * UNIT_MS.d;

/**
 * Parses a key lifetime such as `90m`, `12h`, `30d` or `8w` into milliseconds.
 * @throws AccessError `INVALID_ARGUMENT` with the accepted forms.
 */
export function parseDuration(text: string): number {
  const match = /^(\d{1,6})([mhdw])$/.exec(text.trim());
  const amount = Number(match?.[1]);
  const unit = match?.[2] as keyof typeof UNIT_MS | undefined;
  const ms = unit === undefined ? Number.NaN : amount * UNIT_MS[unit];
  if (!(ms > 0) || ms > MAX_DURATION_MS) {
    throw new AccessError(
      'INVALID_ARGUMENT',
      `Invalid duration "${text}": use a whole number with m, h, d or w (e.g. 30d), up to 10 years`,
    );
  }
  return ms;
}
