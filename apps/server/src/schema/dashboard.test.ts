import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
let operator: string;
let otherOperator: string;
let viewer: string;
beforeAll(async () => {
  app = await createTestApp({ CACHE_WARM_ON_START: 'false', PUBLIC_DASHBOARD: 'false' });
  operator = await app.createKey('operator', 'ana');
  otherOperator = await app.createKey('operator', 'bo');
  viewer = await app.createKey('viewer', 'wall');
});
afterAll(() => app.dispose());

const DASHBOARD_FIELDS = 'id title version visibility role builtIn owner canEdit document';
const RESULT = `__typename ... on Dashboard { ${DASHBOARD_FIELDS} }
  ... on DashboardConflictError { message current { version title } }
  ... on DashboardAccessError { message }
  ... on ValidationError { errors { field code } }
  ... on NotFoundError { id }`;
const CREATE = `mutation($input: DashboardInput!) { createDashboard(input: $input) { ${RESULT} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: DashboardInput!) {
  updateDashboard(id: $id, version: $version, input: $input) { ${RESULT} } }`;
const PANEL_DATA = `query($id: ID!, $window: StatsWindow) { dashboardPanelData(id: $id, window: $window) {
  panelId error series { label group value points { value } } heatmap { bounds columns { counts } } } }`;

interface DashboardView {
  __typename: string;
  id: string;
  title: string;
  version: number;
  canEdit: boolean;
  message?: string;
  current?: { version: number; title: string };
  errors?: { field: string; code: string }[];
}

const p95Panel = {
  id: 'p95',
  kind: 'table',
  title: 'p95 by operation',
  grid: { x: 0, y: 0, w: 12, h: 6 },
  queries: [{ metric: 'api.responseTime', stat: 'p95', tags: [], groupBy: 'operation' }],
};
const documentWith = (title: string, panels: unknown[] = [p95Panel]) => ({
  title,
  timeRange: '1h',
  panels,
});

async function create(key: string, title: string, visibility = 'PRIVATE', role?: string) {
  const result = await app.graphql<{ createDashboard: DashboardView }>(
    CREATE,
    { input: { document: documentWith(title), visibility, role } },
    { 'x-api-key': key },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createDashboard;
}

describe('dashboards as data', () => {
  it('creates, saves versions, refuses a stale save, restores and deletes', async () => {
    const created = await create(operator, 'API');
    expect(created).toMatchObject({ __typename: 'Dashboard', version: 1, canEdit: true });
    const input = { document: documentWith('API v2'), visibility: 'PRIVATE' };
    const saved = await app.graphql<{ updateDashboard: DashboardView }>(
      UPDATE,
      { id: created.id, version: 1, input },
      { 'x-api-key': operator },
    );
    expect(saved.data?.updateDashboard).toMatchObject({ title: 'API v2', version: 2 });

    // A second editor still on version 1 is refused, and nothing is overwritten.
    const stale = await app.graphql<{ updateDashboard: DashboardView }>(
      UPDATE,
      { id: created.id, version: 1, input: { ...input, document: documentWith('lost edit') } },
      { 'x-api-key': operator },
    );
    expect(stale.data?.updateDashboard).toMatchObject({
      __typename: 'DashboardConflictError',
      current: { version: 2, title: 'API v2' },
    });

    const versions = await app.graphql<{ dashboardVersions: { version: number; title: string }[] }>(
      'query($id: ID!) { dashboardVersions(id: $id) { version title savedBy } }',
      { id: created.id },
      { 'x-api-key': operator },
    );
    expect(versions.data?.dashboardVersions.map((v) => [v.version, v.title])).toEqual([
      [2, 'API v2'],
      [1, 'API'],
    ]);
    const restored = await app.graphql<{ restoreDashboardVersion: DashboardView }>(
      `mutation($id: ID!) { restoreDashboardVersion(id: $id, version: 1, currentVersion: 2) { ${RESULT} } }`,
      { id: created.id },
      { 'x-api-key': operator },
    );
    expect(restored.data?.restoreDashboardVersion).toMatchObject({ title: 'API', version: 3 });

    const removed = await app.graphql<{ deleteDashboard: DashboardView }>(
      `mutation($id: ID!) { deleteDashboard(id: $id) { ${RESULT} } }`,
      { id: created.id },
      { 'x-api-key': operator },
    );
    expect(removed.data?.deleteDashboard.__typename).toBe('Dashboard');
    const gone = await app.graphql('query($id: ID!) { dashboard(id: $id) { id } }', {
      id: created.id,
    });
    expect(gone.data).toEqual({ dashboard: null });
  });

  it('answers a bad document with every problem and stores nothing', async () => {
    const result = await app.graphql<{ createDashboard: DashboardView }>(
      CREATE,
      {
        input: {
          document: documentWith('', [
            { ...p95Panel, kind: 'pie', grid: { x: 20, y: 0, w: 8, h: 2 } },
          ]),
          visibility: 'ROLE',
        },
      },
      { 'x-api-key': operator },
    );
    expect(result.data?.createDashboard.__typename).toBe('ValidationError');
    expect(result.data?.createDashboard.errors?.map((error) => error.field)).toEqual(
      expect.arrayContaining(['role', 'title', 'panels[0].kind', 'panels[0].grid.w']),
    );
  });

  it('provisions the monitoring dashboard read-only for viewers', async () => {
    const list = await app.graphql<{
      dashboards: { id: string; builtIn: boolean; canEdit: boolean }[];
    }>('{ dashboards { id builtIn canEdit } }', undefined, { 'x-api-key': viewer });
    expect(list.data?.dashboards).toContainEqual({
      id: 'monitoring',
      builtIn: true,
      canEdit: false,
    });
    const change = await app.graphql<{ updateDashboard: DashboardView }>(UPDATE, {
      id: 'monitoring',
      version: 1,
      input: { document: documentWith('mine'), visibility: 'PRIVATE' },
    });
    expect(change.data?.updateDashboard.__typename).toBe('DashboardAccessError');
  });
});

describe('who sees what', () => {
  it('keeps a private dashboard to its owner and admins, a shared one to its role', async () => {
    const mine = await create(operator, 'Private');
    const shared = await create(operator, 'Ops only', 'ROLE', 'OPERATOR');
    const visibleTo = async (key: string) => {
      const result = await app.graphql<{ dashboards: { id: string }[] }>(
        '{ dashboards { id } }',
        undefined,
        { 'x-api-key': key },
      );
      return result.data!.dashboards.map((dashboard) => dashboard.id);
    };
    expect(await visibleTo(operator)).toEqual(expect.arrayContaining([mine.id, shared.id]));
    expect(await visibleTo(app.adminKey)).toEqual(expect.arrayContaining([mine.id, shared.id]));
    expect(await visibleTo(otherOperator)).toContain(shared.id);
    expect(await visibleTo(otherOperator)).not.toContain(mine.id);
    expect(await visibleTo(viewer)).not.toContain(shared.id);
    const steal = await app.graphql<{ updateDashboard: DashboardView }>(
      UPDATE,
      { id: shared.id, version: 1, input: { document: documentWith('x'), visibility: 'PUBLIC' } },
      { 'x-api-key': otherOperator },
    );
    expect(steal.data?.updateDashboard.__typename).toBe('DashboardAccessError');
  });

  it('lets anyone read a public dashboard and its panels, and nothing else', async () => {
    const refused = await create(operator, 'Public by an operator', 'PUBLIC');
    expect(refused.__typename).toBe('DashboardAccessError');
    const published = await create(app.adminKey, 'Status', 'PUBLIC');
    const hidden = await create(app.adminKey, 'Internal', 'ROLE', 'VIEWER');
    const anonymous = { 'x-api-key': '' };

    const list = await app.graphql<{ dashboards: { id: string }[] }>(
      '{ dashboards { id } }',
      undefined,
      anonymous,
    );
    expect(list.data?.dashboards.map((dashboard) => dashboard.id)).toEqual([published.id]);
    const panels = await app.graphql<{ dashboardPanelData: { panelId: string }[] }>(
      PANEL_DATA,
      { id: published.id },
      anonymous,
    );
    expect(panels.errors).toBeUndefined();
    expect(panels.data?.dashboardPanelData.map((panel) => panel.panelId)).toEqual(['p95']);

    const other = await app.graphql(PANEL_DATA, { id: hidden.id }, anonymous);
    expect(other.data).toEqual({ dashboardPanelData: null });
    for (const query of [
      '{ stats(name: "api.responseTime") { count } }',
      '{ metrics { name } }',
      '{ previewDashboardPanels(document: {title: "x", panels: []}) { panelId } }',
      '{ dashboardVersions(id: "monitoring") { version } }',
    ]) {
      const result = await app.graphql(query, undefined, anonymous);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });
});

describe('panel data', () => {
  it('gives a panel the figures stats gives for the same query, per group', async () => {
    const registry = app.services.metrics.registry;
    for (const [operation, values] of [
      ['Flavors', [12, 18, 30, 250]],
      ['Calculate', [5, 7, 9]],
    ] as const) {
      for (const value of values) {
        registry.distribution('api.responseTime', value, {
          endpoint: '/graphql',
          operation,
          method: 'POST',
        });
      }
    }
    const dashboard = await create(operator, 'Figures');
    const panels = await app.graphql<{
      dashboardPanelData: { series: { group: string; value: number }[] }[];
    }>(PANEL_DATA, { id: dashboard.id, window: 'LAST_1H' }, { 'x-api-key': operator });
    const series = panels.data!.dashboardPanelData[0]!.series;
    for (const operation of ['Flavors', 'Calculate']) {
      const stats = await app.graphql<{ stats: { p95: number } }>(
        `{ stats(name: "api.responseTime", window: LAST_1H, tags: [{key: "operation", value: "${operation}"}]) { p95 } }`,
      );
      expect(series.find((entry) => entry.group === operation)?.value).toBe(stats.data?.stats.p95);
    }
  });

  it('draws a heatmap whose columns count the samples', async () => {
    const preview = await app.graphql<{
      previewDashboardPanels: { heatmap: { bounds: number[]; columns: { counts: number[] }[] } }[];
    }>(
      `query($document: JSON!) { previewDashboardPanels(document: $document, window: LAST_15M) {
        heatmap { bounds columns { counts } } } }`,
      {
        document: documentWith('Heat', [
          {
            ...p95Panel,
            kind: 'heatmap',
            queries: [
              {
                metric: 'api.responseTime',
                stat: 'count',
                tags: [{ key: 'operation', value: 'Flavors' }],
              },
            ],
          },
        ]),
      },
    );
    const heatmap = preview.data!.previewDashboardPanels[0]!.heatmap;
    const total = heatmap.columns.flatMap((column) => column.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(4);
    expect(heatmap.bounds.length).toBeGreaterThan(1);
  });
});
