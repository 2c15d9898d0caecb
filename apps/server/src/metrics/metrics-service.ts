import { ActiveSessions, createMetricsRegistry } from '@taurine/monitor';
import type { MetricsRegistry } from '@taurine/monitor';
import type { AppConfig } from '../config.ts';
import { METRIC_DEFINITIONS } from './metric-definitions.ts';

/** The process's metrics: the registry every part records into, and the active-visitor tracker. */
export interface MetricsService {
  registry: MetricsRegistry;
  sessions: ActiveSessions;
}

export function createMetricsService(
  config: AppConfig,
  clock = { now: () => Date.now() },
): MetricsService {
  const registry = createMetricsRegistry({
    clock,
    standardTags: {
      environment: config.environmentName,
      region: config.service.region,
      service: config.service.name,
      version: config.service.version,
      deployment: config.service.deployment,
    },
  });
  for (const definition of METRIC_DEFINITIONS) {
    registry.define(definition.name, definition.kind, {
      help: definition.help,
      unit: definition.unit,
    });
  }
  return { registry, sessions: new ActiveSessions({ windowMs: 5 * 60_000 }) };
}
