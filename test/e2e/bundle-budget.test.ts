import { describe, expect, it } from 'vitest';
import {
  BUNDLE_BUDGETS,
  budgetProblems,
  measureBundle,
} from '../../apps/web/scripts/check-bundle-budget.ts';
import { WEB_DIST_DIR, assertWebBuildExists } from '../testing/e2e-harness.ts';

describe('bundle budget of the built SPA', () => {
  it('keeps all JavaScript under 500 KB and the calculator’s initial JS under 120 KB (gzip)', () => {
    assertWebBuildExists();
    const report = measureBundle(WEB_DIST_DIR);
    expect(budgetProblems(report)).toEqual([]);
    const calculator = report.routes.find((route) => route.route === '/')!;
    expect(calculator.initialJs).toBeLessThanOrEqual(BUNDLE_BUDGETS.calculatorInitialJs);
    // The dashboards' charting code is never part of the calculator's load.
    const monitoring = report.routes.find((route) => route.route === '/monitoring')!;
    const dashboardOnly = monitoring.files.filter((file) => !calculator.files.includes(file));
    expect(dashboardOnly.some((file) => file.includes('monitoring'))).toBe(true);
  });
});
