import { randomUUID } from 'node:crypto';
import { validateSilence } from '@taurine/monitor';
import type { Silence, SilenceMatcher } from '@taurine/monitor';
import type { Store, StoredSilence } from '@taurine/store';
import { invalid, notFound, succeeded } from './alerting-results.ts';
import type { AlertingResult } from './alerting-results.ts';

/** A silence as entered through GraphQL; `startsAt` defaults to now. */
export interface SilenceInput {
  matchers: readonly SilenceMatcher[];
  startsAt?: number | undefined;
  endsAt: number;
  comment: string;
}

/** Changes to a silence; omitted fields keep their value. */
export type SilencePatch = Partial<SilenceInput>;

/** The stored silences, cached for the evaluator (which reads them synchronously). */
export interface SilenceManager {
  refresh(): Promise<void>;
  /** The cached silences, for the evaluator's `silences` option. */
  current(): readonly Silence[];
  /** Silences still running or to come at `now`; every one with `includeExpired`. */
  list(now: number, includeExpired: boolean): Promise<StoredSilence[]>;
  create(input: SilenceInput, actor: string, now: number): Promise<AlertingResult<StoredSilence>>;
  update(
    id: string,
    patch: SilencePatch,
    actor: string,
    now: number,
  ): Promise<AlertingResult<StoredSilence>>;
  remove(id: string): Promise<AlertingResult<{ id: string }>>;
}

/** Creates the silence manager; the author of an edited silence becomes its editor. */
export function createSilenceManager(options: {
  store: Store;
  createId?: () => string;
}): SilenceManager {
  const { store } = options;
  const createId = options.createId ?? randomUUID;
  let silences: Silence[] = [];

  const refresh = async (): Promise<void> => {
    silences = await store.alertConfig.listSilences();
  };

  const save = async (input: unknown, now: number): Promise<AlertingResult<StoredSilence>> => {
    const checked = validateSilence(input);
    if (!checked.ok) return invalid([...checked.errors]);
    const stored = await store.alertConfig.saveSilence(checked.silence, now);
    await refresh();
    return succeeded(stored);
  };

  return {
    refresh,
    current: () => silences,

    async list(now, includeExpired) {
      const all = await store.alertConfig.listSilences();
      return includeExpired ? all : all.filter((silence) => silence.endsAt > now);
    },

    create: (input, actor, now) =>
      save({ ...input, id: createId(), startsAt: input.startsAt ?? now, createdBy: actor }, now),

    async update(id, patch, actor, now) {
      const existing = await store.alertConfig.getSilence(id);
      if (existing === undefined) return notFound('silence', id);
      const changes = Object.fromEntries(
        Object.entries(patch as Record<string, unknown>).filter(([, value]) => value !== undefined),
      );
      return save(
        {
          id,
          matchers: existing.matchers,
          startsAt: existing.startsAt,
          endsAt: existing.endsAt,
          comment: existing.comment,
          ...changes,
          createdBy: actor,
        },
        now,
      );
    },

    async remove(id) {
      if (!(await store.alertConfig.deleteSilence(id))) return notFound('silence', id);
      await refresh();
      return succeeded({ id });
    },
  };
}
