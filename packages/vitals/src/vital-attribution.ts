import { VITAL_THRESHOLDS } from './vital-thresholds.ts';
import type { VitalName } from './vital-thresholds.ts';

/** Longest element selector kept: web-vitals' own selectors stop at about 100 characters. */
export const MAX_TARGET_LENGTH = 100;

/** Longest resource URL kept (origin and path; query and fragment are dropped). */
export const MAX_URL_LENGTH = 120;

/** INP's kinds of interaction, as web-vitals names them. */
export const INTERACTION_TYPES = ['pointer', 'keyboard'] as const;

export type InteractionType = (typeof INTERACTION_TYPES)[number];

/**
 * The parts each vital's time splits into (web-vitals' attribution build), in milliseconds: where
 * LCP, INP, FCP and TTFB spent their time. CLS has none.
 */
export const VITAL_PHASES = {
  LCP: ['timeToFirstByte', 'resourceLoadDelay', 'resourceLoadDuration', 'elementRenderDelay'],
  INP: ['inputDelay', 'processingDuration', 'presentationDelay'],
  CLS: [],
  FCP: ['timeToFirstByte', 'firstByteToFCP'],
  TTFB: ['waitingDuration', 'dnsDuration', 'connectionDuration', 'requestDuration'],
} as const satisfies Record<VitalName, readonly string[]>;

export type VitalPhase = (typeof VITAL_PHASES)[VitalName][number];

/** The vitals whose attribution names an element: LCP's element, INP's target, CLS's source. */
export const TARGETED_VITALS = ['LCP', 'INP', 'CLS'] as const satisfies readonly VitalName[];

/**
 * What caused a vital, as the beacon carries it: a flat object so a report stays small. Every
 * field is optional and bounded; {@link normaliseAttribution} keeps only the fields of the vital.
 */
export type VitalAttribution = {
  /** CSS selector of the LCP element, the INP interaction target or the CLS largest shift source. */
  target?: string;
  /** LCP: the image or video it waited for (origin and path only). */
  url?: string;
  /** INP: pointer or keyboard. */
  interactionType?: InteractionType;
  /** CLS: the layout shift score of the largest single shift. */
  largestShiftValue?: number;
} & Partial<Record<VitalPhase, number>>;

/** Characters a generated selector uses (tag names, `#id`, `.class`, `>`, `:nth-child(2)`, `[x]`). */
const NOT_SELECTOR = /[^A-Za-z0-9_\-#.>:[\]=() ]+/g;

/**
 * A selector safe to use as a tag value: characters outside a selector's are removed, and a long
 * one keeps its end (the element itself), cut at a `>` so it still starts with an element.
 * Undefined when nothing is left.
 */
export function sanitiseTarget(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let target = value.slice(-4 * MAX_TARGET_LENGTH).replace(NOT_SELECTOR, '');
  // A selector neither starts nor ends with a combinator.
  target = target.replace(/ +/g, ' ').replace(/^[> ]+|[> ]+$/g, '');
  if (target.length > MAX_TARGET_LENGTH) {
    const tail = target.slice(-MAX_TARGET_LENGTH);
    const child = tail.indexOf('>');
    target = (child === -1 ? tail : tail.slice(child + 1)).trim();
  }
  return target === '' ? undefined : target;
}

/** An http(s) URL or path without query, fragment or whitespace; `data:` for inline images. */
export function sanitiseUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^data:/i.test(value)) return 'data:';
  const url = value
    .slice(0, 4 * MAX_URL_LENGTH)
    .split(/[?#]/)[0]!
    .replace(/[^\x21-\x7e]+/g, '')
    .slice(0, MAX_URL_LENGTH);
  return /^(https?:\/\/|\/)/i.test(url) ? url : undefined;
}

const interactionType = (value: unknown): InteractionType | undefined =>
  INTERACTION_TYPES.find((type) => type === value);

const round = (value: number) => Math.round(value * 1000) / 1000;

/** A finite number from 0 to `max`, rounded to three decimals; undefined otherwise. */
const boundedNumber = (value: unknown, max: number): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max
    ? round(value)
    : undefined;

/**
 * The bounded attribution of a `name` report, from anything (a web-vitals attribution summary, or
 * an untrusted beacon): only the vital's own fields, each sanitised or dropped. Never throws: a
 * report is worth keeping without its attribution.
 */
export function normaliseAttribution(name: VitalName, raw: unknown): VitalAttribution {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const input = raw as Record<string, unknown>;
  const attribution: VitalAttribution = {};
  const keep = <K extends keyof VitalAttribution>(key: K, value: VitalAttribution[K]) => {
    if (value !== undefined) attribution[key] = value;
  };
  if ((TARGETED_VITALS as readonly VitalName[]).includes(name)) {
    keep('target', sanitiseTarget(input['target']));
  }
  if (name === 'LCP') keep('url', sanitiseUrl(input['url']));
  if (name === 'INP') keep('interactionType', interactionType(input['interactionType']));
  if (name === 'CLS') {
    keep('largestShiftValue', boundedNumber(input['largestShiftValue'], VITAL_THRESHOLDS.CLS.max));
  }
  for (const phase of VITAL_PHASES[name]) {
    keep(phase, boundedNumber(input[phase], VITAL_THRESHOLDS[name].max));
  }
  return attribution;
}
