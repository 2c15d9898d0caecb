import type { Redis } from 'ioredis';
import type { DependencyStatus } from '../snapshot/snapshot.ts';

/** What one instance says about itself each tick (a hash field in Redis, JSON). */
export interface InstanceBeat {
  id: string;
  version: string;
  /** Epoch ms the process started. */
  startedAt: number;
  /** Epoch ms of its latest tick. */
  lastSeen: number;
  healthScore: number;
  dependencies: Record<string, DependencyStatus>;
  heapUsedMB: number;
  rssMB: number;
  heapUsedRatio: number;
  cpuUsage: number;
  uptimeSeconds: number;
  webSocketConnections: number;
  /** Event-loop p99 of its own last 5 minutes (ms), null without observations. */
  eventLoopP99Ms: number | null;
  /** Set by a graceful stop: the instance left the live view at once. */
  stopped?: boolean;
}

/** An instance as `instances` lists it. */
export interface InstanceInfo extends InstanceBeat {
  leader: boolean;
  /** `live` while it ticks; `gone` once not seen for `goneAfterTicks` ticks (then out of the live view). */
  status: 'live' | 'gone';
}

/** Options of {@link createInstanceRegistry}. */
export interface InstanceRegistryOptions {
  redis: Pick<Redis, 'hset' | 'hgetall' | 'hdel' | 'get' | 'pexpire'>;
  /** The Redis hash of beats, e.g. `taurine:cluster:instances`. */
  key: string;
  /** The alerting leader lock's key: its value names the leader. */
  leaderKey: string;
  intervalMs: number;
  /** Ticks without a beat before an instance is `gone`. */
  goneAfterTicks: number;
  /** Gone instances are forgotten (their history stays in the store) after this. @default 1 day */
  forgetAfterMs?: number;
}

const parseBeat = (text: string): InstanceBeat | null => {
  try {
    const value = JSON.parse(text) as Partial<InstanceBeat>;
    return typeof value.id === 'string' && typeof value.lastSeen === 'number'
      ? (value as InstanceBeat)
      : null;
  } catch {
    return null;
  }
};

/**
 * The instances of a deployment, from their beats in one Redis hash: each instance writes its own
 * field every tick; readers judge liveness from `lastSeen`, so a SIGKILLed instance turns `gone`
 * after `goneAfterTicks` ticks without anyone having to notice it die.
 */
export function createInstanceRegistry(options: InstanceRegistryOptions) {
  const { redis, key, leaderKey, intervalMs, goneAfterTicks } = options;
  const forgetAfterMs = options.forgetAfterMs ?? 86_400_000;

  return {
    /** Writes this instance's beat (and keeps the hash alive while any instance beats). */
    async beat(beat: InstanceBeat): Promise<void> {
      await redis.hset(key, beat.id, JSON.stringify(beat));
      await redis.pexpire(key, forgetAfterMs);
    },
    /** Removes an instance's beat (graceful stop: it leaves the live view at once). */
    async leave(lastBeat: InstanceBeat): Promise<void> {
      await redis.hset(key, lastBeat.id, JSON.stringify({ ...lastBeat, stopped: true }));
    },
    /** Every known instance at `now`, live ones first, then by id. */
    async list(now: number): Promise<InstanceInfo[]> {
      const [fields, leader] = await Promise.all([redis.hgetall(key), redis.get(leaderKey)]);
      const instances: InstanceInfo[] = [];
      const forgotten: string[] = [];
      for (const [id, text] of Object.entries(fields)) {
        const beat = parseBeat(text);
        if (beat === null || now - beat.lastSeen > forgetAfterMs) {
          forgotten.push(id);
          continue;
        }
        const live = beat.stopped !== true && now - beat.lastSeen <= goneAfterTicks * intervalMs;
        instances.push({ ...beat, leader: live && leader === id, status: live ? 'live' : 'gone' });
      }
      if (forgotten.length > 0) await redis.hdel(key, ...forgotten);
      return instances.sort((a, b) =>
        a.status === b.status ? a.id.localeCompare(b.id) : a.status === 'live' ? -1 : 1,
      );
    },
  };
}

export type InstanceRegistry = ReturnType<typeof createInstanceRegistry>;
