import type { Clock } from '../clock.ts';
import type {
  AutomaticResponseName,
  ResponseCondition,
  ResponseSettings,
} from './automatic-response.ts';
import { RESPONSE_TRIGGERS } from './automatic-response.ts';

/** What a response's history says, as the store counts it. */
export interface ResponseHistoryFacts {
  /** When it last acted (dry run or live); null when never. */
  lastActedAt: number | null;
  /** Actions in the last hour. */
  actedInLastHour: number;
  /** Whether it already acted for this episode in this mode (on any instance). */
  actedInEpisode: boolean;
}

/** Why a response whose condition holds did not act. */
export type ResponseHold = 'disabled' | 'sustaining' | 'same-episode' | 'cooldown' | 'hourly-cap';

/** The decision of one evaluation. */
export type ResponseDecision =
  | { kind: 'quiet' }
  | { kind: 'hold'; reason: ResponseHold; episode: string }
  | { kind: 'act'; mode: 'dry-run' | 'live'; episode: string };

/**
 * Tracks episodes: an episode of a response starts when its condition starts holding and ends when
 * it stops. Its id (`name:startEpochMs`) is what "once per episode" is checked against.
 */
export class ResponseEpisodes {
  readonly #since = new Map<AutomaticResponseName, number>();
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Records whether the condition holds now; returns the open episode, or null. */
  observe(name: AutomaticResponseName, holds: boolean): { id: string; since: number } | null {
    if (!holds) {
      this.#since.delete(name);
      return null;
    }
    let since = this.#since.get(name);
    if (since === undefined) {
      since = this.#clock.now();
      this.#since.set(name, since);
    }
    return { id: `${name}:${since}`, since };
  }
}

/** Everything {@link decideResponse} weighs. */
export interface ResponseDecisionInput {
  condition: ResponseCondition;
  settings: ResponseSettings;
  episode: { id: string; since: number } | null;
  history: ResponseHistoryFacts;
  now: number;
  /** @default RESPONSE_TRIGGERS.sustainMs */
  sustainMs?: number;
}

/**
 * Whether a response acts now: its condition must hold for `sustainMs`, it must be enabled, not
 * have acted in this episode, be out of its cooldown and under its hourly cap. Pure.
 */
export function decideResponse(input: ResponseDecisionInput): ResponseDecision {
  const { condition, settings, episode, history, now } = input;
  if (!condition.holds || episode === null) return { kind: 'quiet' };
  const hold = (reason: ResponseHold): ResponseDecision => ({
    kind: 'hold',
    reason,
    episode: episode.id,
  });
  if (!settings.enabled) return hold('disabled');
  if (now - episode.since < (input.sustainMs ?? RESPONSE_TRIGGERS.sustainMs))
    return hold('sustaining');
  if (history.actedInEpisode) return hold('same-episode');
  if (history.lastActedAt !== null && now - history.lastActedAt < settings.cooldownMs)
    return hold('cooldown');
  if (history.actedInLastHour >= settings.maxPerHour) return hold('hourly-cap');
  return { kind: 'act', mode: settings.dryRun ? 'dry-run' : 'live', episode: episode.id };
}
