/**
 * The units metrics declare (`packages/monitor`'s `unit` field) and how a person reads them. Data,
 * not code: a new unit is a new row.
 */

/** One step of a scale: its symbol and its size in the scale's base unit. */
export interface ScaleStep {
  readonly symbol: string;
  readonly size: number;
}

/**
 * Units of one family that convert into each other. A value is shown in the largest step it
 * reaches (1,500 ms is `1.50 s`), so a condition and the values it is compared with read alike.
 */
export interface UnitScale {
  readonly steps: readonly ScaleStep[];
}

/** Durations, in seconds: ns up to hours (minutes and hours past 60 s and 60 min). */
export const DURATION_SCALE: UnitScale = {
  steps: [
    { symbol: 'ns', size: 1e-9 },
    { symbol: 'µs', size: 1e-6 },
    { symbol: 'ms', size: 1e-3 },
    { symbol: 's', size: 1 },
    { symbol: 'min', size: 60 },
    { symbol: 'h', size: 3600 },
  ],
};

/**
 * Sizes, in bytes, in binary steps. `KB`/`MB`/`GB` metrics mean 1024-based sizes (the monitor's
 * `process.heapUsedMB` is bytes / 1024²), so they are shown with the unambiguous IEC symbols.
 */
export const SIZE_SCALE: UnitScale = {
  steps: [
    { symbol: 'B', size: 1 },
    { symbol: 'KiB', size: 1024 },
    { symbol: 'MiB', size: 1024 ** 2 },
    { symbol: 'GiB', size: 1024 ** 3 },
    { symbol: 'TiB', size: 1024 ** 4 },
  ],
};

/** A declared unit that belongs to a scale: the scale and the unit's size in its base unit. */
export interface ScaledUnit {
  readonly scale: UnitScale;
  readonly size: number;
}

/** Declared units (as metrics spell them) that belong to a scale. */
export const SCALED_UNITS: Readonly<Record<string, ScaledUnit>> = {
  ns: { scale: DURATION_SCALE, size: 1e-9 },
  us: { scale: DURATION_SCALE, size: 1e-6 },
  µs: { scale: DURATION_SCALE, size: 1e-6 },
  ms: { scale: DURATION_SCALE, size: 1e-3 },
  s: { scale: DURATION_SCALE, size: 1 },
  min: { scale: DURATION_SCALE, size: 60 },
  h: { scale: DURATION_SCALE, size: 3600 },
  bytes: { scale: SIZE_SCALE, size: 1 },
  B: { scale: SIZE_SCALE, size: 1 },
  KB: { scale: SIZE_SCALE, size: 1024 },
  KiB: { scale: SIZE_SCALE, size: 1024 },
  MB: { scale: SIZE_SCALE, size: 1024 ** 2 },
  MiB: { scale: SIZE_SCALE, size: 1024 ** 2 },
  GB: { scale: SIZE_SCALE, size: 1024 ** 3 },
  GiB: { scale: SIZE_SCALE, size: 1024 ** 3 },
};

/**
 * Shares: `ratio` values are fractions (0.0267) shown as percent (`2.67 %`); `percent` values are
 * already percent. The factor multiplies the stored value.
 */
export const PERCENT_UNITS: Readonly<Record<string, number>> = {
  ratio: 100,
  percent: 1,
  '%': 1,
};

/** What a person reads for a missing value (`null`, `NaN`, ±Infinity). */
export const NO_DATA_TEXT = 'no data';
