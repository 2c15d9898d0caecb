/**
 * The scenario file of `npm run loadtest`: its schema (zod, also printed as JSON Schema in
 * `scenario.schema.json`), and parsing of YAML or JSON text into a checked {@link Scenario} whose
 * durations are milliseconds. Every problem is reported with the path of the field it is in.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { JOURNEY_NAMES } from './journeys.ts';

/** Phase kinds: how the number of users moves during the phase. */
export const PHASE_KINDS = ['ramp-up', 'steady', 'spike', 'ramp-down'] as const;
/** A phase kind. */
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** Most virtual users a phase or a stress step may ask for. */
export const MAX_USERS = 5000;

const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m)$/;
const durationText = z
  .string()
  .regex(DURATION_PATTERN, { error: 'must look like 30s, 2m or 500ms' })
  .describe('A duration: a number followed by ms, s or m, e.g. 500ms, 30s, 2m.');
const users = z.int().min(0).max(MAX_USERS);

const phaseSchema = z
  .strictObject({
    name: z.string().min(1).max(100).optional().describe('Shown live and stored; @default kind'),
    kind: z
      .enum(PHASE_KINDS)
      .describe(
        'ramp-up and ramp-down move linearly from the previous phase’s users (0 before the first) to `users`; steady and spike hold `users` for the whole phase.',
      ),
    duration: durationText,
    users: users.describe('Users at the end of a ramp, or held by steady and spike.'),
  })
  .describe('One phase of the run.');

const thinkTimeSchema = z
  .strictObject({ min: durationText, max: durationText })
  .describe('Pause between a user’s steps: uniform between min and max.');

const journeySchema = z.strictObject({
  name: z.enum(JOURNEY_NAMES).describe('Which visitor journey a user follows.'),
  weight: z.number().positive().max(1000).default(1).describe('Share of users: weight / sum.'),
  thinkTime: thinkTimeSchema.optional().describe('Overrides the scenario’s think time.'),
});

const thresholdsSchema = z
  .strictObject({
    p95Ms: z.number().positive().optional().describe('Passes while p95 latency < p95Ms.'),
    errorRatePercent: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Passes while failed requests / requests < errorRatePercent %.'),
    throughputRps: z
      .number()
      .positive()
      .optional()
      .describe('Passes while requests per second ≥ throughputRps.'),
  })
  .describe('Broken thresholds make the run exit 1 (stress mode: they define the breaking point).');

const stressSchema = z
  .strictObject({
    startUsers: z.int().min(1).max(MAX_USERS),
    stepUsers: z.int().min(1).max(MAX_USERS),
    stepDuration: durationText,
    maxUsers: z.int().min(1).max(MAX_USERS),
  })
  .describe('Stress mode (`--stress`): steps of stepUsers more users until a threshold breaks.');

/** The scenario file's schema, as written (durations still text). */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of scenario.schema.json, for editors.'),
    name: z.string().min(1).max(200).describe('Names the run when it is stored.'),
    url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('@default http://localhost:4000'),
    phases: z.array(phaseSchema).min(1).max(50),
    journeys: z.array(journeySchema).min(1).max(20),
    thinkTime: thinkTimeSchema.default({ min: '500ms', max: '2s' }),
    thresholds: thresholdsSchema.default({}),
    stress: stressSchema.optional(),
  })
  .describe('A load test: phases of virtual users following visitor journeys, and thresholds.');

/** A scenario as written in the file. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
type ScenarioFile = z.output<typeof scenarioSchema>;

/** Think time in ms. */
export interface ThinkTime {
  minMs: number;
  maxMs: number;
}

/** A phase ready to run: its users at the start and at the end, its length in ms. */
export interface Phase {
  name: string;
  kind: PhaseKind;
  durationMs: number;
  startUsers: number;
  users: number;
}

/** A journey with its share and think time resolved. */
export interface JourneyMix {
  name: (typeof JOURNEY_NAMES)[number];
  weight: number;
  thinkTime: ThinkTime;
}

/** Pass/fail limits of a run. */
export type Thresholds = ScenarioFile['thresholds'];

/** Stress settings, durations in ms. */
export interface StressSettings {
  startUsers: number;
  stepUsers: number;
  stepDurationMs: number;
  maxUsers: number;
}

/** A checked scenario, ready to run. */
export interface Scenario {
  name: string;
  url: string | undefined;
  phases: Phase[];
  journeys: JourneyMix[];
  thresholds: Thresholds;
  stress: StressSettings | undefined;
}

/** Why a scenario was refused: one line per problem, each starting with the field's path. */
export class ScenarioError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'ScenarioError';
  }
}

/** `500ms`, `30s`, `2m` → milliseconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount : match[2] === 'm' ? amount * 60_000 : amount * 1000;
}

const ms = (text: string): number => parseDuration(text) ?? Number.NaN;
const thinkTime = ({ min, max }: { min: string; max: string }): ThinkTime => ({
  minMs: ms(min),
  maxMs: ms(max),
});

/** `phases[1].users`: the path of an issue as a person reads it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/** Cross-field rules the schema cannot say: ramps go the right way, think time min ≤ max. */
function crossFieldProblems(file: ScenarioFile): string[] {
  const problems: string[] = [];
  let previousUsers = 0;
  file.phases.forEach((phase, index) => {
    if (ms(phase.duration) <= 0) problems.push(`phases[${index}].duration: must be longer than 0`);
    if (phase.kind === 'ramp-up' && phase.users < previousUsers) {
      problems.push(
        `phases[${index}].users: a ramp-up must end at or above the previous phase's ${previousUsers} users (got ${phase.users})`,
      );
    }
    if (phase.kind === 'ramp-down' && phase.users > previousUsers) {
      problems.push(
        `phases[${index}].users: a ramp-down must end at or below the previous phase's ${previousUsers} users (got ${phase.users})`,
      );
    }
    previousUsers = phase.users;
  });
  const checkThink = (think: { min: string; max: string }, path: string) => {
    if (ms(think.min) > ms(think.max)) problems.push(`${path}.min: must not exceed ${path}.max`);
  };
  checkThink(file.thinkTime, 'thinkTime');
  file.journeys.forEach((journey, index) => {
    if (journey.thinkTime) checkThink(journey.thinkTime, `journeys[${index}].thinkTime`);
  });
  if (file.stress) {
    if (file.stress.startUsers > file.stress.maxUsers) {
      problems.push('stress.startUsers: must not exceed stress.maxUsers');
    }
    if (ms(file.stress.stepDuration) <= 0) {
      problems.push('stress.stepDuration: must be longer than 0');
    }
  }
  return problems;
}

/**
 * Checks a parsed document against the schema and the cross-field rules.
 * @throws ScenarioError naming the path of every bad field.
 */
export function toScenario(document: unknown): Scenario {
  const result = scenarioSchema.safeParse(document);
  if (!result.success) {
    throw new ScenarioError(
      result.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`),
    );
  }
  const file = result.data;
  const problems = crossFieldProblems(file);
  if (problems.length > 0) throw new ScenarioError(problems);
  let previousUsers = 0;
  const phases = file.phases.map((phase): Phase => {
    const ramps = phase.kind === 'ramp-up' || phase.kind === 'ramp-down';
    const built = {
      name: phase.name ?? phase.kind,
      kind: phase.kind,
      durationMs: ms(phase.duration),
      startUsers: ramps ? previousUsers : phase.users,
      users: phase.users,
    };
    previousUsers = phase.users;
    return built;
  });
  const stress = file.stress;
  return {
    name: file.name,
    url: file.url,
    phases,
    journeys: file.journeys.map((journey) => ({
      name: journey.name,
      weight: journey.weight,
      thinkTime: thinkTime(journey.thinkTime ?? file.thinkTime),
    })),
    thresholds: file.thresholds,
    stress: stress && {
      startUsers: stress.startUsers,
      stepUsers: stress.stepUsers,
      stepDurationMs: ms(stress.stepDuration),
      maxUsers: stress.maxUsers,
    },
  };
}

/**
 * Parses scenario text: JSON when `fileName` ends in `.json`, YAML otherwise (YAML also reads JSON).
 * @throws ScenarioError on a syntax error or an invalid field.
 */
export function parseScenario(text: string, fileName: string): Scenario {
  let document: unknown;
  try {
    document = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ScenarioError([
      `(file): not valid ${fileName.endsWith('.json') ? 'JSON' : 'YAML'}: ${message}`,
    ]);
  }
  return toScenario(document);
}

/** The JSON Schema of the scenario file, as committed in `scenario.schema.json`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Taurine load test scenario',
  };
}
