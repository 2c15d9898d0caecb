import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { CalculationResult } from './calculation-result.tsx';
import type { CalculationResult_CalculationFragment } from './calculation-result.tsx';

type CalculationData = FragmentType<typeof CalculationResult_CalculationFragment>;

/**
 * The fields of the result fragment and the fragments it spreads, as the server sends them; masking
 * only exists in the types, so the unmasked object is cast to the fragment reference.
 */
const overLimit = {
  __typename: 'Calculation',
  flavorName: 'Bang Black Cherry Vanilla',
  servingMl: 473,
  caffeineMg: 350,
  caffeinePer100ml: 74,
  sugarG: 0,
  kcal: 0,
  costUsd: 2.69,
  dailyLimitShare: 0.875,
  singleDoseLimitMg: 150,
  exceedsSingleDose: true,
  caffeineLimit: {
    capMg: 150,
    explanation: "150 mg: EFSA's single dose of 3 mg/kg × 50 kg.",
    sources: [
      {
        publisher: 'EFSA',
        title: 'Scientific Opinion on the safety of caffeine',
        year: 2015,
        url: 'https://doi.org/10.2903/j.efsa.2015.4102',
        finding: 'Single doses up to 200 mg (about 3 mg/kg body weight) raise no concern.',
      },
    ],
  },
  rating: 'OVER_LIMIT',
  warnings: [
    '350 mg of caffeine is more than the 150 mg EFSA single-dose limit (3 mg/kg).',
    'High caffeine content: not recommended for children or pregnant or breast-feeding women.',
  ],
  breakdown: [
    {
      source: 'Bang Black Cherry Vanilla',
      kind: 'flavor',
      caffeineMg: 300,
      sugarG: 0,
      kcal: 0,
      costUsd: 2.69,
    },
    {
      source: 'Caffeine anhydrous',
      kind: 'ingredient',
      caffeineMg: 50,
      sugarG: 0,
      kcal: 0,
      costUsd: 0.01,
    },
  ],
} as unknown as CalculationData;

afterEach(() => {
  cleanup();
});

describe('CalculationResult', () => {
  it('says in words, not only in colour, that a drink is over the limit', () => {
    render(<CalculationResult calculation={overLimit} />);
    expect(screen.getByTestId('result-rating').textContent).toBe('Over the limit');
    expect(screen.getByText(/More caffeine than the guidance allows at once/)).toBeTruthy();
    expect(screen.getByTestId('result-limit-cap').textContent).toBe('150 mg');
    expect(screen.getByText(/this serving is over it/)).toBeTruthy();
  });

  it('states the cap this serving is rated against, how it was derived, and its source', () => {
    render(<CalculationResult calculation={overLimit} />);
    const note = screen.getByTestId('result-limit');
    expect(note.textContent).toContain('Limit for this serving: 150 mg — this serving is over it.');
    expect(screen.getByTestId('result-limit-explanation').textContent).toBe(
      "150 mg: EFSA's single dose of 3 mg/kg × 50 kg.",
    );
    const source = within(note).getByRole('link');
    expect(source.textContent).toBe('EFSA (2015), Scientific Opinion on the safety of caffeine');
    expect(source.getAttribute('href')).toBe('https://doi.org/10.2903/j.efsa.2015.4102');
  });

  it('lists every warning the server gave', () => {
    render(<CalculationResult calculation={overLimit} />);
    const warnings = within(screen.getByTestId('result-warnings')).getAllByRole('listitem');
    expect(warnings.map((item) => item.textContent)).toEqual([
      '350 mg of caffeine is more than the 150 mg EFSA single-dose limit (3 mg/kg).',
      'High caffeine content: not recommended for children or pregnant or breast-feeding women.',
    ]);
  });

  it('fills the daily-guidance bar to the share of 400 mg, with an accessible value', () => {
    render(<CalculationResult calculation={overLimit} />);
    const meter = screen.getByRole('meter', { name: 'Share of the 400 mg daily guidance' });
    expect(meter.getAttribute('aria-valuenow')).toBe('88');
    expect(meter.getAttribute('aria-valuetext')).toBe('87.5% (350 mg of 400 mg)');
    expect(screen.getByTestId('result-daily-share').textContent).toBe('87.5%');
  });

  it('shows no warnings block for a drink without warnings', () => {
    render(
      <CalculationResult
        calculation={
          {
            ...(overLimit as object),
            rating: 'SAFE',
            warnings: [],
            exceedsSingleDose: false,
          } as unknown as CalculationData
        }
      />,
    );
    expect(screen.getByTestId('result-rating').textContent).toBe('Within guidance');
    expect(screen.queryByTestId('result-warnings')).toBeNull();
  });
});
