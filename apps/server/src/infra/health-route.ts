import type { Services } from '../services.ts';

export type DependencyStatus = 'up' | 'down' | 'disabled';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  uptimeSeconds: number;
  instanceId: string;
  version: string;
  checks: Record<string, { status: DependencyStatus; latencyMs: number | null }>;
}

/**
 * Probes the database once and reads the cache tiers' status. The overall status is `down` when
 * the database is (the instance cannot serve), `degraded` when another dependency is down.
 */
export async function checkHealth(services: Services): Promise<HealthReport> {
  const started = performance.now();
  const databaseUp = await services.store.ping().catch(() => false);
  const databaseLatency = performance.now() - started;
  const cacheStatus = services.cache.status();
  const checks: HealthReport['checks'] = {
    database: {
      status: databaseUp ? 'up' : 'down',
      latencyMs: Math.round(databaseLatency * 100) / 100,
    },
    memoryCache: { status: cacheStatus.memory, latencyMs: null },
    // The breaker's view: `down` while it is open, `disabled` without REDIS_URL.
    redis: { status: cacheStatus.redis, latencyMs: null },
  };
  const statuses = Object.values(checks).map((check) => check.status);
  return {
    status: !databaseUp ? 'down' : statuses.includes('down') ? 'degraded' : 'ok',
    uptimeSeconds: Math.round((Date.now() - services.startedAt) / 1000),
    instanceId: services.config.instanceId,
    version: services.config.service.version,
    checks,
  };
}

/** `GET /health`: 200 while the instance can serve, 503 when it cannot (for load balancers). */
export async function healthRoute(services: Services): Promise<Response> {
  const report = await checkHealth(services);
  return Response.json(report, {
    status: report.status === 'down' ? 503 : 200,
    headers: { 'cache-control': 'no-store' },
  });
}
