import type { Clock } from '@taurine/monitor';
import {
  AUTOMATIC_RESPONSES,
  AUTOMATIC_RESPONSE_DESCRIPTIONS,
  DEFAULT_RESPONSE_SETTINGS,
  RESPONSE_SETTING_LIMITS,
  ResponseEpisodes,
  decideResponse,
  responseConditions,
} from '@taurine/monitor/operations';
import type {
  AutomaticResponseName,
  ResponseCondition,
  ResponseDecision,
  ResponseSettings,
  ResponseSignals,
} from '@taurine/monitor/operations';
import type { AutomaticResponseRepository, StoredResponseRun } from '@taurine/store';
import type { AuditActor, AuditRecorder } from '../access/audit.ts';
import type { AlertEvent } from '../alerting/alert-events.ts';
import { operationsAlertEvent } from './operations-alert.ts';
import type { ResponseAction } from './response-actions.ts';

/** One response as the API shows it. */
export interface AutomaticResponseView {
  name: AutomaticResponseName;
  description: string;
  settings: ResponseSettings;
  updatedAt: number | null;
  updatedBy: string | null;
  /** The condition at the last evaluation on this instance. */
  condition: ResponseCondition;
}

/** A settings change an admin asked for; unset fields keep their value. */
export type ResponseSettingsPatch = Partial<ResponseSettings>;

/** The outcome of {@link AutomaticResponses.configure}. */
export type ConfigureResult =
  { ok: true; response: AutomaticResponseView } | { ok: false; field: string; message: string };

/** The automatic responses: settings, evaluation on the leader, history. */
export interface AutomaticResponses {
  list(): Promise<AutomaticResponseView[]>;
  configure(
    name: AutomaticResponseName,
    patch: ResponseSettingsPatch,
    actor: AuditActor,
  ): Promise<ConfigureResult>;
  history(name: AutomaticResponseName | undefined, limit: number): Promise<StoredResponseRun[]>;
  /** Reads the signals and lets each response decide; call on the leader only. */
  evaluate(): Promise<{ name: AutomaticResponseName; decision: ResponseDecision }[]>;
  /** The conditions of the last evaluation (suggestions read them). */
  conditions(): Record<AutomaticResponseName, ResponseCondition>;
}

/** Options of {@link createAutomaticResponses}. */
export interface AutomaticResponsesOptions {
  repo: AutomaticResponseRepository;
  readSignals: () => ResponseSignals;
  actions: Record<AutomaticResponseName, ResponseAction>;
  audit: AuditRecorder;
  publish: (event: AlertEvent) => void;
  clock: Clock;
  instanceId: string;
  /** How long a condition must hold first. @default RESPONSE_TRIGGERS.sustainMs */
  sustainMs?: number;
}

/** The audit actor of everything the responses do. */
export const AUTOMATIC_RESPONSE_ACTOR: AuditActor = { name: 'automatic-response', role: 'system' };

const idle: ResponseCondition = { holds: false, figures: {}, subject: null };

function validate(settings: ResponseSettings): { field: string; message: string } | undefined {
  for (const field of ['cooldownMs', 'maxPerHour'] as const) {
    const { min, max } = RESPONSE_SETTING_LIMITS[field];
    const value = settings[field];
    if (!Number.isSafeInteger(value) || value < min || value > max)
      return { field, message: `${field} must be an integer from ${min} to ${max} (got ${value})` };
  }
  return undefined;
}

export function createAutomaticResponses(options: AutomaticResponsesOptions): AutomaticResponses {
  const { repo, clock } = options;
  const episodes = new ResponseEpisodes(clock);
  let last = Object.fromEntries(AUTOMATIC_RESPONSES.map((name) => [name, idle])) as Record<
    AutomaticResponseName,
    ResponseCondition
  >;

  const views = () => readViews(repo, last);

  const act = (
    name: AutomaticResponseName,
    condition: ResponseCondition,
    decision: Extract<ResponseDecision, { kind: 'act' }>,
    now: number,
  ) => actOn(options, name, condition, decision, now);

  return {
    list: views,
    async configure(name, patch, actor) {
      const current = (await views()).find((view) => view.name === name)!;
      const settings: ResponseSettings = { ...current.settings, ...patch };
      const problem = validate(settings);
      if (problem) return { ok: false, ...problem };
      await repo.saveSettings({ name, ...settings, updatedAt: clock.now(), updatedBy: actor.name });
      const response = (await views()).find((view) => view.name === name)!;
      return { ok: true, response };
    },
    history: (name, limit) => repo.listRuns({ name, limit }),
    conditions: () => last,
    async evaluate() {
      const now = clock.now();
      last = responseConditions(options.readSignals());
      const settings = new Map((await views()).map((view) => [view.name, view.settings]));
      const results: { name: AutomaticResponseName; decision: ResponseDecision }[] = [];
      for (const name of AUTOMATIC_RESPONSES) {
        const condition = last[name];
        const episode = episodes.observe(name, condition.holds);
        const current = settings.get(name) ?? DEFAULT_RESPONSE_SETTINGS;
        const mode = current.dryRun ? 'dry-run' : 'live';
        const history =
          episode && current.enabled
            ? await repo.facts(name, episode.id, mode, now)
            : { lastActedAt: null, actedInLastHour: 0, actedInEpisode: false };
        let decision = decideResponse({
          condition,
          settings: current,
          episode,
          history,
          now,
          ...(options.sustainMs === undefined ? {} : { sustainMs: options.sustainMs }),
        });
        if (decision.kind === 'act' && !(await act(name, condition, decision, now)))
          decision = { kind: 'hold', reason: 'same-episode', episode: decision.episode };
        results.push({ name, decision });
      }
      return results;
    },
  };
}

/** Every response with its stored settings (defaults when never configured) and last condition. */
async function readViews(
  repo: AutomaticResponseRepository,
  last: Record<AutomaticResponseName, ResponseCondition>,
): Promise<AutomaticResponseView[]> {
  const stored = new Map((await repo.listSettings()).map((row) => [row.name, row]));
  return AUTOMATIC_RESPONSES.map((name) => {
    const row = stored.get(name);
    return {
      name,
      description: AUTOMATIC_RESPONSE_DESCRIPTIONS[name],
      settings: row
        ? {
            enabled: row.enabled,
            dryRun: row.dryRun,
            cooldownMs: row.cooldownMs,
            maxPerHour: row.maxPerHour,
          }
        : DEFAULT_RESPONSE_SETTINGS,
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
      condition: last[name],
    };
  });
}

/**
 * Claims the run in the store (false when another instance already holds this episode), acts
 * (live) or describes what it would do (dry run), stores the outcome, audits it with the figures
 * and announces it on `alertEvents`.
 */
async function actOn(
  options: AutomaticResponsesOptions,
  name: AutomaticResponseName,
  condition: ResponseCondition,
  decision: Extract<ResponseDecision, { kind: 'act' }>,
  now: number,
): Promise<boolean> {
  const { repo, actions, audit } = options;
  const run = await repo.claimRun({
    name,
    episode: decision.episode,
    mode: decision.mode,
    at: now,
    instanceId: options.instanceId,
    subject: condition.subject,
    figures: condition.figures,
  });
  if (run === null) return false;
  let outcome = 'ok';
  let details: unknown = { wouldDo: AUTOMATIC_RESPONSE_DESCRIPTIONS[name] };
  if (decision.mode === 'live') {
    try {
      details = await actions[name](condition, now);
    } catch (error) {
      outcome = 'failed';
      details = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  await repo.finishRun(run.id, outcome, details);
  await audit.record({
    actor: AUTOMATIC_RESPONSE_ACTOR,
    action: `automaticResponse:${name}`,
    args: { mode: decision.mode, episode: decision.episode, subject: condition.subject },
    result: outcome,
    details: { figures: condition.figures, did: details },
  });
  const [metric, value] = Object.entries(condition.figures)[0] ?? ['', null];
  options.publish(
    operationsAlertEvent({
      type: 'responded',
      ruleId: `automatic-response:${name}`,
      ruleName: `Automatic response ${name}${decision.mode === 'dry-run' ? ' (dry run)' : ''}`,
      description: `${AUTOMATIC_RESPONSE_DESCRIPTIONS[name]}: ${outcome}`,
      metric,
      value,
      threshold: 0,
      comparison: '>',
      severity: 'info',
      tags: { response: name, mode: decision.mode },
      at: now,
    }),
  );
  return true;
}
