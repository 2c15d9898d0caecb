import type { GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './date-time.ts';
import './validation-error.ts';
import './supplier.ts';
import './ingredient.ts';
import './flavor.ts';
import './guidance-source.ts';
import './caffeine-limit.ts';
import './calculation.ts';
import './tracked-event.ts';
import './server-time.ts';
import './metric.ts';
import './not-found-error.ts';
import './deletion.ts';
import './alert-transition.ts';
import './notification-delivery.ts';
import './alert.ts';
import './alert-event.ts';
import './alert-rule.ts';
import './silence.ts';
import './notification-channel.ts';
import './api-key.ts';
import './viewer.ts';
import './audit-entry.ts';
import './metric-export.ts';
import './instance.ts';
import './snapshot.ts';
import './cache.ts';
import './load-test-run.ts';
import './json.ts';
import './dashboard.ts';
import './dashboard-panel-data.ts';
import './regression.ts';
import './baseline.ts';
import './anomaly.ts';
import './budget.ts';
import './deployment.ts';
import './deployment-comparison.ts';
import './vital-insight.ts';
import './report.ts';
import './report-schedule.ts';
import './suggestion.ts';
import './automatic-response.ts';
import './diagnostics.ts';

let schema: GraphQLSchema | undefined;

/** The API schema: every type file registers itself on the builder when imported above. */
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}
