import { randomUUID } from 'node:crypto';
import {
  BUILT_IN_RULES,
  SUPERSEDED_BUILT_IN_RULES,
  derivedRuleName,
  followingRuleName,
  validateRule,
} from '@taurine/monitor';
import type { AlertRule, MetricsRegistry } from '@taurine/monitor';
import type { Store } from '@taurine/store';
import { invalid, notFound, succeeded } from './alerting-results.ts';
import type { AlertingResult } from './alerting-results.ts';

/** A rule as entered through GraphQL: `builtIn` is never taken from input, `id` is optional. */
export type RuleInput = Partial<Omit<AlertRule, 'builtIn'>>;

/** The stored rules, cached for evaluation, with validated create/update/delete. */
export interface RuleManager {
  /**
   * Seeds the built-in rules that are not stored yet, brings built-in rules still equal to a
   * superseded default up to date, and loads every rule.
   */
  load(now: number): Promise<void>;
  /** Reloads from the store (another instance may have changed them). */
  refresh(): Promise<void>;
  /** The cached rules, by id. */
  current(): readonly AlertRule[];
  create(input: RuleInput, now: number): Promise<AlertingResult<AlertRule>>;
  update(id: string, patch: RuleInput, now: number): Promise<AlertingResult<AlertRule>>;
  remove(id: string): Promise<AlertingResult<{ id: string }>>;
}

/**
 * Creates the rule manager. A rule's metric must be known: one the registry has seen, one a
 * built-in rule reads (they may not have reported yet), or the metric the rule already had.
 * Built-in rules can be edited and disabled but not deleted; seeding adds only missing ones, so
 * edits survive restarts and rules added in a release appear. A name derived from the rule's
 * definition (`Heap memory above 80 % of the limit`) follows the threshold when it is edited.
 */
export function createRuleManager(options: {
  store: Store;
  registry: MetricsRegistry;
  createId?: () => string;
}): RuleManager {
  const { store, registry } = options;
  const createId = options.createId ?? (() => `rule-${randomUUID().slice(0, 8)}`);
  let rules: AlertRule[] = [];

  const knownMetrics = (extra?: string): Set<string> => {
    const known = new Set(BUILT_IN_RULES.map((rule) => rule.metric));
    for (const metric of registry.metrics()) known.add(metric.name);
    if (extra !== undefined) known.add(extra);
    return known;
  };

  const refresh = async (): Promise<void> => {
    rules = await store.alertConfig.listRules();
  };

  return {
    async load(now) {
      await store.alertConfig.seedRules(BUILT_IN_RULES, now);
      for (const stored of await store.alertConfig.listRules()) {
        const upgraded = upgradeSuperseded(stored);
        if (upgraded !== null) await store.alertConfig.saveRule(upgraded, now);
      }
      await refresh();
    },

    refresh,

    current: () => rules,

    async create(input, now) {
      const id = input.id ?? createId();
      const checked = validateRule({ ...input, id, builtIn: false }, knownMetrics());
      if (!checked.ok) return invalid([...checked.errors]);
      if ((await store.alertConfig.getRule(checked.rule.id)) !== undefined) {
        return invalid([
          { field: 'id', code: 'taken', message: `a rule with id "${checked.rule.id}" exists` },
        ]);
      }
      await store.alertConfig.saveRule(checked.rule, now);
      await refresh();
      return succeeded(checked.rule);
    },

    async update(id, patch, now) {
      const existing = await store.alertConfig.getRule(id);
      if (existing === undefined) return notFound('alert rule', id);
      const changes = Object.fromEntries(
        Object.entries(patch as Record<string, unknown>).filter(
          ([key, value]) => value !== undefined && key !== 'id',
        ),
      );
      const edited: AlertRule = { ...existing, ...changes };
      const checked = validateRule(
        { ...edited, name: followingRuleName(existing, edited), id, builtIn: existing.builtIn },
        knownMetrics(existing.metric),
      );
      if (!checked.ok) return invalid([...checked.errors]);
      await store.alertConfig.saveRule(checked.rule, now);
      await refresh();
      return succeeded(checked.rule);
    },

    async remove(id) {
      const existing = await store.alertConfig.getRule(id);
      if (existing === undefined) return notFound('alert rule', id);
      if (existing.builtIn) {
        return invalid([
          {
            field: 'id',
            code: 'built-in',
            message: 'built-in rules cannot be deleted; disable them instead',
          },
        ]);
      }
      await store.alertConfig.deleteRule(id);
      await refresh();
      return succeeded({ id });
    },
  };
}

/**
 * The current default of a built-in rule stored with a superseded default's definition (never
 * edited), keeping what may have been changed besides (enabled, severity, durations); `null`
 * for every other rule.
 */
function upgradeSuperseded(stored: AlertRule): AlertRule | null {
  if (!stored.builtIn) return null;
  const superseded = SUPERSEDED_BUILT_IN_RULES.find(
    (old) =>
      old.id === stored.id &&
      old.metric === stored.metric &&
      old.stat === stored.stat &&
      old.window === stored.window &&
      old.comparison === stored.comparison &&
      old.threshold === stored.threshold,
  );
  const current = BUILT_IN_RULES.find((rule) => rule.id === stored.id);
  if (superseded === undefined || current === undefined) return null;
  // A name still derived from the old definition (or the old default's) takes the new one.
  const nameWasDerived = stored.name === derivedRuleName(stored);
  return {
    ...stored,
    metric: current.metric,
    stat: current.stat,
    window: current.window,
    comparison: current.comparison,
    threshold: current.threshold,
    description: current.description,
    name: nameWasDerived ? current.name : stored.name,
  };
}
