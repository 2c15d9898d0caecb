/**
 * Visitor journeys: what one virtual user does, one iteration at a time, against the real GraphQL
 * API. The engine repeats a user's journey until the user is stopped; `think()` pauses between
 * steps as a person reading the page would.
 */

/** What a journey may do: send an operation, pause, ask whether it should go on. */
export interface JourneyContext {
  /**
   * Sends one GraphQL operation and resolves with its `data` (undefined when it failed; the failure
   * is already counted). `withKey` sends the run's API key (dashboard reads need a viewer key).
   */
  request(query: string, variables?: object, options?: { withKey?: boolean }): Promise<unknown>;
  /** Waits a think time drawn from the journey's range. */
  think(): Promise<void>;
  /** False once the user is stopped (its phase ended or the run is over). */
  active(): boolean;
  /** A random number in [0, 1) (injected so journeys stay deterministic under test). */
  random: () => number;
}

/** A journey: its name as written in scenarios, what it models, one iteration of it. */
export interface Journey {
  name: JourneyName;
  description: string;
  /** Whether it reads data that needs a viewer key (unless the server has PUBLIC_DASHBOARD). */
  needsKey: boolean;
  iterate(context: JourneyContext): Promise<void>;
}

/** Journey names a scenario may use. */
export const JOURNEY_NAMES = ['calculator-visitor', 'dashboard-watcher', 'minimal-query'] as const;
/** A journey name. */
export type JourneyName = (typeof JOURNEY_NAMES)[number];

const CATEGORIES = ['CLASSIC', 'SUGAR_FREE', 'NATURAL', 'COFFEE', 'TEA', 'SPORTS', 'SHOT'];
const FLAVORS = `query Flavors($filter: FlavorFilter) { flavors(first: 20, filter: $filter) { edges { node { id name caffeineMg } } totalCount } }`;
const FLAVOR = `query Flavor($id: ID!) { flavor(id: $id) { id name brand caffeineMg sugarG affiliateUrl supplier { name } } }`;
const CALCULATE = `query Calculate($input: CalculateInput!) { calculate(input: $input) { __typename ... on Calculation { caffeineMg rating } ... on ValidationError { message } } }`;
const TRACK = `mutation Track($input: TrackEventInput!) { trackEvent(input: $input) { __typename } }`;
const SNAPSHOT = `query Snapshot { snapshot { at healthScore activeUsers errorRate requestsPerSecond } }`;
const STATS = `query Stats($name: String!) { stats(name: $name, window: LAST_5M) { count p50 p95 p99 rate } }`;

interface FlavorsData {
  flavors?: { edges: { node: { id: string } }[] };
}

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)]!;

/**
 * Browses or filters flavors, looks at one, calculates a drink, sometimes settles on it (a
 * `CALCULATION` event) and sometimes clicks the affiliate link.
 */
const calculatorVisitor: Journey = {
  name: 'calculator-visitor',
  description: 'flavors, one flavor, calculate, track events',
  needsKey: false,
  async iterate(context) {
    const { random } = context;
    const filter =
      random() < 0.5
        ? { category: pick(CATEGORIES, random) }
        : random() < 0.5
          ? { maxCaffeineMg: 100 }
          : {};
    const list = (await context.request(FLAVORS, { filter })) as FlavorsData | undefined;
    const ids = list?.flavors?.edges.map((edge) => edge.node.id) ?? [];
    await context.think();
    if (ids.length === 0 || !context.active()) return;
    const flavorId = pick(ids, random);
    await context.request(FLAVOR, { id: flavorId });
    const input = {
      flavorId,
      servingMl: pick([250, 355, 473, 500], random),
      addIns: [],
      bodyWeightKg: random() < 0.5 ? Math.round(50 + random() * 50) : null,
    };
    await context.request(CALCULATE, { input });
    await context.think();
    if (!context.active()) return;
    if (random() < 0.5) {
      await context.request(TRACK, { input: { type: 'CALCULATION', flavorId } });
    }
    if (random() < 0.08) {
      await context.request(TRACK, { input: { type: 'AFFILIATE_CLICK', flavorId } });
    }
    await context.think();
  },
};

/** Someone with the monitoring page open: the snapshot, then a latency and a traffic figure. */
const dashboardWatcher: Journey = {
  name: 'dashboard-watcher',
  description: 'snapshot, stats of api.responseTime and api.requests',
  needsKey: true,
  async iterate(context) {
    await context.request(SNAPSHOT, {}, { withKey: true });
    await context.request(STATS, { name: 'api.responseTime' }, { withKey: true });
    await context.request(STATS, { name: 'api.requests' }, { withKey: true });
    await context.think();
  },
};

/** The smallest operation (`{ __typename }`): the cost of the HTTP and plugin path alone. */
const minimalQuery: Journey = {
  name: 'minimal-query',
  description: '{ __typename }, the transport and plugin path without resolvers',
  needsKey: false,
  async iterate(context) {
    await context.request('{ __typename }');
    await context.think();
  },
};

/** Every journey by name. */
export const JOURNEYS: Readonly<Record<JourneyName, Journey>> = {
  'calculator-visitor': calculatorVisitor,
  'dashboard-watcher': dashboardWatcher,
  'minimal-query': minimalQuery,
};
