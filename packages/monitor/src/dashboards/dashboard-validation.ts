import { isStatName } from '../metrics/metric-stats.ts';
import { isValidMetricName } from '../metrics/metric-name.ts';
import { TAG_KEY_PATTERN, TAG_LIMITS } from '../metrics/tag-set.ts';
import { WINDOW_DURATIONS } from '../metrics/windows.ts';
import type { WindowName } from '../metrics/windows.ts';
import {
  ALL_VALUES,
  DASHBOARD_LIMITS as LIMITS,
  MIN_REFRESH_SECONDS,
  PANEL_KINDS,
  THRESHOLD_COLORS,
} from './dashboard-document.ts';
import type {
  DashboardDocument,
  DashboardPanel,
  DashboardVariable,
  GridPos,
  PanelKind,
  PanelOptions,
  Threshold,
  ThresholdColor,
} from './dashboard-document.ts';

/** One problem with a document: where (`panels[2].queries[0].metric`), a code and a message. */
export interface DocumentProblem {
  field: string;
  code: 'REQUIRED' | 'INVALID' | 'OUT_OF_RANGE' | 'UNKNOWN' | 'DUPLICATE' | 'TOO_MANY';
  message: string;
}

/** The outcome of {@link validateDashboardDocument}. */
export type DocumentValidation =
  { ok: true; document: DashboardDocument } | { ok: false; problems: DocumentProblem[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const VARIABLE_NAME = /^[a-z][a-zA-Z0-9_]{0,31}$/;
const PANEL_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Reads fields, collecting problems instead of throwing. */
class Reader {
  readonly problems: DocumentProblem[] = [];

  problem(field: string, code: DocumentProblem['code'], message: string): void {
    this.problems.push({ field, code, message });
  }

  text(source: Json, key: string, path: string, max: number, fallback?: string): string {
    const value = source[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'string') {
      this.problem(path, 'REQUIRED', `${path} must be a string`);
      return fallback ?? '';
    }
    if (value.length > max) this.problem(path, 'OUT_OF_RANGE', `${path} is over ${max} characters`);
    return value;
  }

  int(source: Json, key: string, path: string, min: number, max: number): number {
    const value = source[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problem(path, 'OUT_OF_RANGE', `${path} must be an integer from ${min} to ${max}`);
      return min;
    }
    return value;
  }

  list(source: Json, key: string, path: string, max: number): unknown[] {
    const value = source[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problem(path, 'INVALID', `${path} must be a list`);
      return [];
    }
    if (value.length > max) this.problem(path, 'TOO_MANY', `${path} holds more than ${max}`);
    return value.slice(0, max);
  }

  object(value: unknown, path: string): Json {
    if (isObject(value)) return value;
    this.problem(path, 'INVALID', `${path} must be an object`);
    return {};
  }
}

function readGrid(reader: Reader, value: unknown, path: string): GridPos {
  const grid = reader.object(value, path);
  const w = reader.int(grid, 'w', `${path}.w`, 1, LIMITS.gridColumns);
  const x = reader.int(grid, 'x', `${path}.x`, 0, LIMITS.gridColumns - 1);
  if (x + w > LIMITS.gridColumns) {
    reader.problem(`${path}.w`, 'OUT_OF_RANGE', `${path} ends past column ${LIMITS.gridColumns}`);
  }
  return {
    x,
    y: reader.int(grid, 'y', `${path}.y`, 0, LIMITS.maxGridRows),
    w,
    h: reader.int(grid, 'h', `${path}.h`, 1, LIMITS.maxPanelHeight),
  };
}

function readTagKey(reader: Reader, value: unknown, path: string): string {
  if (typeof value !== 'string' || !TAG_KEY_PATTERN.test(value)) {
    reader.problem(path, 'INVALID', `${path} must be a tag key like route or device`);
    return '';
  }
  return value;
}

function readQuery(reader: Reader, value: unknown, path: string, variables: Set<string>) {
  const query = reader.object(value, path);
  const metric = reader.text(query, 'metric', `${path}.metric`, 200);
  if (metric !== '' && !isValidMetricName(metric)) {
    reader.problem(`${path}.metric`, 'INVALID', `${path}.metric is not a metric name`);
  }
  const stat = query['stat'];
  if (!isStatName(stat)) reader.problem(`${path}.stat`, 'UNKNOWN', `${path}.stat is unknown`);
  const tags = reader.list(query, 'tags', `${path}.tags`, TAG_LIMITS.maxTags).map((pair, index) => {
    const tagPath = `${path}.tags[${index}]`;
    const tag = reader.object(pair, tagPath);
    const key = readTagKey(reader, tag['key'], `${tagPath}.key`);
    const tagValue = reader.text(tag, 'value', `${tagPath}.value`, TAG_LIMITS.maxValueLength);
    if (tagValue.startsWith('$') && !variables.has(tagValue.slice(1))) {
      reader.problem(`${tagPath}.value`, 'UNKNOWN', `${tagValue} names no variable`);
    }
    return { key, value: tagValue };
  });
  const groupBy =
    query['groupBy'] === undefined || query['groupBy'] === null
      ? null
      : readTagKey(reader, query['groupBy'], `${path}.groupBy`);
  const label = typeof query['label'] === 'string' && query['label'] !== '' ? query['label'] : null;
  return { metric, stat: isStatName(stat) ? stat : 'avg', tags, groupBy, label };
}

function readThreshold(reader: Reader, value: unknown, path: string): Threshold {
  const threshold = reader.object(value, path);
  const limit = threshold['value'];
  if (typeof limit !== 'number' || !Number.isFinite(limit)) {
    reader.problem(`${path}.value`, 'INVALID', `${path}.value must be a finite number`);
  }
  const color = threshold['color'];
  if (!(THRESHOLD_COLORS as readonly unknown[]).includes(color)) {
    reader.problem(
      `${path}.color`,
      'UNKNOWN',
      `${path}.color must be one of ${THRESHOLD_COLORS.join(', ')}`,
    );
  }
  return { value: typeof limit === 'number' ? limit : 0, color: color as ThresholdColor };
}

function readOptions(reader: Reader, value: unknown, path: string): PanelOptions {
  const options = value === undefined ? {} : reader.object(value, path);
  const max = options['max'];
  if (max !== undefined && max !== null && (typeof max !== 'number' || !(max > 0))) {
    reader.problem(`${path}.max`, 'OUT_OF_RANGE', `${path}.max must be a positive number`);
  }
  return {
    thresholds: reader
      .list(options, 'thresholds', `${path}.thresholds`, LIMITS.maxThresholds)
      .map((entry, index) => readThreshold(reader, entry, `${path}.thresholds[${index}]`))
      .sort((a, b) => a.value - b.value),
    sparkline: options['sparkline'] === true,
    stacked: options['stacked'] === true,
    max: typeof max === 'number' && max > 0 ? max : null,
    markdown: reader.text(options, 'markdown', `${path}.markdown`, LIMITS.maxMarkdownLength, ''),
  };
}

function readPanel(reader: Reader, value: unknown, path: string, variables: Set<string>) {
  const panel = reader.object(value, path);
  const id = reader.text(panel, 'id', `${path}.id`, 40);
  if (id !== '' && !PANEL_ID.test(id)) {
    reader.problem(`${path}.id`, 'INVALID', `${path}.id may hold letters, digits, - and _`);
  }
  const kind = panel['kind'];
  if (!(PANEL_KINDS as readonly unknown[]).includes(kind)) {
    reader.problem(
      `${path}.kind`,
      'UNKNOWN',
      `${path}.kind must be one of ${PANEL_KINDS.join(', ')}`,
    );
  }
  const queries = reader
    .list(panel, 'queries', `${path}.queries`, LIMITS.maxQueriesPerPanel)
    .map((query, index) => readQuery(reader, query, `${path}.queries[${index}]`, variables));
  const needsQuery = kind !== 'text' && kind !== 'alertlist';
  if (needsQuery && queries.length === 0) {
    reader.problem(`${path}.queries`, 'REQUIRED', `a ${String(kind)} panel needs a query`);
  }
  return {
    id,
    kind: kind as PanelKind,
    title: reader.text(panel, 'title', `${path}.title`, LIMITS.maxTextLength, ''),
    grid: readGrid(reader, panel['grid'], `${path}.grid`),
    queries,
    options: readOptions(reader, panel['options'], `${path}.options`),
  } satisfies DashboardPanel;
}

function readVariable(reader: Reader, value: unknown, path: string): DashboardVariable {
  const variable = reader.object(value, path);
  const name = reader.text(variable, 'name', `${path}.name`, 32);
  if (!VARIABLE_NAME.test(name)) {
    reader.problem(`${path}.name`, 'INVALID', `${path}.name must be a short identifier`);
  }
  const metric = reader.text(variable, 'metric', `${path}.metric`, 200);
  if (!isValidMetricName(metric)) {
    reader.problem(`${path}.metric`, 'INVALID', `${path}.metric is not a metric name`);
  }
  return {
    name,
    metric,
    tag: readTagKey(reader, variable['tag'], `${path}.tag`),
    defaultValue: reader.text(variable, 'defaultValue', `${path}.defaultValue`, 200, ALL_VALUES),
  };
}

function readRefresh(reader: Reader, source: Json): number {
  const value = source['refreshSeconds'] ?? 0;
  const valid =
    typeof value === 'number' &&
    Number.isInteger(value) &&
    (value === 0 || (value >= MIN_REFRESH_SECONDS && value <= LIMITS.maxRefreshSeconds));
  if (!valid) {
    reader.problem(
      'refreshSeconds',
      'OUT_OF_RANGE',
      `refreshSeconds must be 0 (never) or from ${MIN_REFRESH_SECONDS} to ${LIMITS.maxRefreshSeconds}`,
    );
  }
  return valid ? value : 0;
}

function checkUnique(reader: Reader, names: string[], field: string, what: string): void {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (seen.has(name))
      reader.problem(`${field}[${index}]`, 'DUPLICATE', `${what} ${name} repeats`);
    seen.add(name);
  });
}

/**
 * Checks a dashboard document (parsed JSON from a client or an import) and returns it normalised
 * (defaults filled, thresholds sorted), or every problem with its path.
 */
export function validateDashboardDocument(value: unknown): DocumentValidation {
  const reader = new Reader();
  const source = reader.object(value, 'document');
  const title = reader.text(source, 'title', 'title', LIMITS.maxTextLength);
  if (title.trim() === '') reader.problem('title', 'REQUIRED', 'title must not be empty');
  const timeRange = source['timeRange'] ?? '1h';
  if (typeof timeRange !== 'string' || !Object.hasOwn(WINDOW_DURATIONS, timeRange)) {
    reader.problem(
      'timeRange',
      'UNKNOWN',
      `timeRange must be one of ${Object.keys(WINDOW_DURATIONS).join(', ')}`,
    );
  }
  const variables = reader
    .list(source, 'variables', 'variables', LIMITS.maxVariables)
    .map((variable, index) => readVariable(reader, variable, `variables[${index}]`));
  checkUnique(
    reader,
    variables.map((variable) => variable.name),
    'variables',
    'variable',
  );
  const names = new Set(variables.map((variable) => variable.name));
  const panels = reader
    .list(source, 'panels', 'panels', LIMITS.maxPanels)
    .map((panel, index) => readPanel(reader, panel, `panels[${index}]`, names));
  checkUnique(
    reader,
    panels.map((panel) => panel.id),
    'panels',
    'panel id',
  );
  const document: DashboardDocument = {
    title: title.trim(),
    description: reader.text(source, 'description', 'description', LIMITS.maxDescriptionLength, ''),
    tags: reader
      .list(source, 'tags', 'tags', LIMITS.maxTags)
      .filter((tag): tag is string => typeof tag === 'string' && tag.length <= 40),
    timeRange: (typeof timeRange === 'string' && Object.hasOwn(WINDOW_DURATIONS, timeRange)
      ? timeRange
      : '1h') as WindowName,
    refreshSeconds: readRefresh(reader, source),
    variables,
    panels,
  };
  return reader.problems.length === 0
    ? { ok: true, document }
    : { ok: false, problems: reader.problems };
}
