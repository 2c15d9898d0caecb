import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Provider } from 'urql';
import { createFixtureClient } from '../../../testing/fixture-client.ts';
import { Calculator } from './calculator.tsx';

const redBull = {
  __typename: 'Flavor',
  id: 'red-bull-original',
  name: 'Red Bull Energy Drink',
  brand: 'Red Bull',
  category: 'CLASSIC',
  caffeineMg: 80,
  containersMl: [250, 355, 473, 591],
  defaultServingMl: 250,
  caffeinePerServingMg: 80,
};

const monster = {
  __typename: 'Flavor',
  id: 'monster-energy-original',
  name: 'Monster Energy',
  brand: 'Monster',
  category: 'CLASSIC',
  caffeineMg: 84.56,
  containersMl: [473, 500, 710],
  defaultServingMl: 473,
  caffeinePerServingMg: 160,
};

const calculation = {
  __typename: 'Calculation',
  flavorId: 'red-bull-original',
  flavorName: 'Red Bull Energy Drink',
  servingMl: 355,
  caffeineMg: 163.6,
  caffeinePer100ml: 46.1,
  sugarG: 39.1,
  kcal: 160,
  costUsd: 3.26,
  dailyLimitShare: 0.409,
  singleDoseLimitMg: 210,
  exceedsSingleDose: false,
  caffeineLimit: {
    __typename: 'CaffeineLimit',
    capMg: 210,
    explanation: "210 mg: EFSA's single dose of 3 mg/kg × 70 kg.",
    sources: [
      {
        __typename: 'GuidanceSource',
        publisher: 'EFSA',
        title: 'Scientific Opinion on the safety of caffeine',
        year: 2015,
        url: 'https://doi.org/10.2903/j.efsa.2015.4102',
        finding: 'Single doses up to 200 mg (about 3 mg/kg body weight) raise no concern.',
      },
    ],
  },
  rating: 'CAUTION',
  warnings: ['163.6 mg of caffeine is close to the 210 mg EFSA single-dose limit (3 mg/kg).'],
  breakdown: [
    {
      __typename: 'CalculationBreakdownLine',
      source: 'Red Bull Energy Drink',
      kind: 'flavor',
      caffeineMg: 113.6,
      sugarG: 39.1,
      kcal: 160,
      costUsd: 3.25,
    },
    {
      __typename: 'CalculationBreakdownLine',
      source: 'Caffeine anhydrous',
      kind: 'ingredient',
      caffeineMg: 50,
      sugarG: 0,
      kcal: 0,
      costUsd: 0.01,
    },
  ],
};

const validationError = {
  __typename: 'ValidationError',
  message: '2 invalid fields: servingMl, addIns[0].amount',
  errors: [
    {
      __typename: 'FieldError',
      field: 'servingMl',
      code: 'OUT_OF_RANGE',
      message: 'servingMl must be between 1 ml and 2,000 ml.',
    },
    {
      __typename: 'FieldError',
      field: 'addIns[0].amount',
      code: 'OUT_OF_RANGE',
      message: 'addIns[0].amount must be at most 1,000 mg of Caffeine anhydrous.',
    },
  ],
};

const fixtures = {
  FlavorPickerPage: {
    flavors: {
      __typename: 'FlavorConnection',
      edges: [
        { __typename: 'FlavorEdge', cursor: 'c1', node: redBull },
        { __typename: 'FlavorEdge', cursor: 'c2', node: monster },
      ],
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
      totalCount: 2,
    },
  },
  Ingredients: {
    ingredients: [
      {
        __typename: 'Ingredient',
        id: 'caffeine-anhydrous',
        name: 'Caffeine anhydrous',
        kind: 'STIMULANT',
        unit: 'mg',
        maxAmount: 1000,
      },
      {
        __typename: 'Ingredient',
        id: 'sucrose',
        name: 'Sucrose',
        kind: 'SUGAR',
        unit: 'g',
        maxAmount: 200,
      },
    ],
  },
  SelectedFlavor: {
    flavor: {
      ...redBull,
      description: 'The original.',
      sugarG: 27.5,
      kcal: 112.5,
      priceUsd: 2.29,
      active: true,
      affiliateUrl: 'https://shop.taurine.example/drinks/red-bull-original?ref=taurine',
      supplier: { __typename: 'Supplier', name: 'Red Bull GmbH' },
    },
  },
  CalculateDrink: (variables: Record<string, unknown>) => {
    const input = variables['input'] as { servingMl: number };
    return { calculate: input.servingMl > 2000 ? validationError : calculation };
  },
  TrackEvent: { trackEvent: { __typename: 'TrackedEvent', id: '1' } },
};

function renderCalculator(trackSettleMs = 60_000) {
  const fixture = createFixtureClient(fixtures);
  render(
    <Provider value={fixture.client}>
      <Calculator trackSettleMs={trackSettleMs} />
    </Provider>,
  );
  return fixture;
}

/** The text of the element(s) an input's `aria-describedby` points at. */
function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

async function pickRedBull() {
  fireEvent.click(await screen.findByRole('radio', { name: /Red Bull Energy Drink/ }));
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('Calculator', () => {
  it('shows what the server calculated for the drink, in words and numbers', async () => {
    const { requestsFor } = renderCalculator();
    expect(screen.getByText(/Pick a flavor to see its caffeine/)).toBeTruthy();

    await pickRedBull();
    fireEvent.click(screen.getByRole('button', { name: '355 ml' }));
    fireEvent.change(screen.getByLabelText(/Body weight/), { target: { value: '70' } });

    const result = await screen.findByTestId('calculation-result');
    expect(within(result).getByTestId('result-caffeine').textContent).toBe('163.6 mg');
    expect(within(result).getByTestId('result-caffeine-per-100ml').textContent).toBe('46.1 mg');
    expect(within(result).getByTestId('result-sugar').textContent).toBe('39.1 g');
    expect(within(result).getByTestId('result-kcal').textContent).toBe('160 kcal');
    expect(within(result).getByTestId('result-cost').textContent).toBe('$3.26');
    expect(within(result).getByTestId('result-daily-share').textContent).toBe('40.9%');
    expect(within(result).getByRole('meter').getAttribute('aria-valuenow')).toBe('41');
    expect(within(result).getByTestId('result-limit-cap').textContent).toBe('210 mg');
    expect(within(result).getByTestId('result-rating').textContent).toBe('Caution');
    expect(within(result).getByText(/close to the 210 mg EFSA single-dose limit/)).toBeTruthy();
    const rows = within(within(result).getByRole('table')).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'SourceCaffeineSugarEnergyCost',
      'Red Bull Energy Drinkdrink113.6 mg39.1 g160 kcal$3.25',
      'Caffeine anhydrousadd-in50 mg0 g0 kcal$0.01',
    ]);

    // Typing settles before the server is asked, and the server sees exactly the form's drink.
    await waitFor(() => {
      expect(requestsFor('CalculateDrink').at(-1)?.variables).toEqual({
        input: { flavorId: 'red-bull-original', servingMl: 355, addIns: [], bodyWeightKg: 70 },
      });
    });
    const [firstCalculation] = requestsFor('CalculateDrink');
    expect(firstCalculation?.method).toBe('GET');
    expect(firstCalculation?.headers.get('x-graphql-yoga-csrf')).toBe('1');
    expect(firstCalculation?.headers.get('x-session-id')).toMatch(/^[a-f0-9]{32}$/);
  });

  it('shows each server field error beside the input it concerns', async () => {
    const { requestsFor } = renderCalculator();
    await pickRedBull();
    fireEvent.click(await screen.findByRole('button', { name: /Add ingredient/ }));
    const amount = screen.getByLabelText('Add-in 1: amount (mg)');
    fireEvent.change(amount, { target: { value: '5000' } });
    const serving = screen.getByLabelText('Serving size (ml)');
    fireEvent.change(serving, { target: { value: '5000' } });

    expect(await screen.findByTestId('validation-summary')).toBeTruthy();
    expect(serving.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(serving)).toContain('The serving size must be between 1 ml and 2,000 ml.');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(amount)).toContain(
      'The amount must be at most 1,000 mg of Caffeine anhydrous.',
    );
    expect(screen.queryByTestId('calculation-result')).toBeNull();
    expect(requestsFor('CalculateDrink').at(-1)?.variables).toMatchObject({
      input: { servingMl: 5000, addIns: [{ ingredientId: 'caffeine-anhydrous', amount: 5000 }] },
    });

    // Fixing the input clears the errors and brings the result back.
    fireEvent.change(serving, { target: { value: '250' } });
    fireEvent.change(amount, { target: { value: '50' } });
    expect(await screen.findByTestId('calculation-result')).toBeTruthy();
    expect(serving.getAttribute('aria-invalid')).toBe('false');
    expect(descriptionOf(amount)).not.toContain('at most');
  });

  it('asks for a serving size itself instead of sending an empty one', async () => {
    const { requestsFor } = renderCalculator();
    await pickRedBull();
    await screen.findByTestId('calculation-result');
    const sent = requestsFor('CalculateDrink').length;

    const serving = screen.getByLabelText('Serving size (ml)');
    fireEvent.change(serving, { target: { value: '' } });

    expect(descriptionOf(serving)).toBe('⚠ Enter the serving size in ml.');
    expect(screen.getByText('Fix the highlighted fields to see the result.')).toBeTruthy();
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(requestsFor('CalculateDrink')).toHaveLength(sent);
  });

  it('ignores an add-in row until it has an amount', async () => {
    const { requestsFor } = renderCalculator();
    await pickRedBull();
    fireEvent.click(await screen.findByRole('button', { name: /Add ingredient/ }));
    expect(screen.getByText('Not counted until it has an amount.')).toBeTruthy();
    await screen.findByTestId('calculation-result');
    expect(requestsFor('CalculateDrink').at(-1)?.variables).toMatchObject({
      input: { addIns: [] },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Remove add-in 1 (Caffeine anhydrous)' }));
    expect(screen.queryByLabelText(/Add-in 1/)).toBeNull();
  });

  it('records one calculation per drink once the inputs have settled', async () => {
    const { requestsFor } = renderCalculator(50);
    await pickRedBull();
    await screen.findByTestId('calculation-result');

    await waitFor(() => {
      expect(requestsFor('TrackEvent')).toHaveLength(1);
    });
    expect(requestsFor('TrackEvent')[0]?.variables).toEqual({
      input: { type: 'CALCULATION', flavorId: 'red-bull-original' },
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(requestsFor('TrackEvent')).toHaveLength(1);
  });

  it('records an affiliate click without holding up the link', async () => {
    const { requestsFor } = renderCalculator();
    await pickRedBull();
    const link = await screen.findByRole('link', { name: /Buy Red Bull Energy Drink/ });
    expect(link.getAttribute('href')).toBe(
      'https://shop.taurine.example/drinks/red-bull-original?ref=taurine',
    );
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener sponsored');

    // Keep happy-dom from opening the shop; React's handler still runs.
    const stayHere = (event: Event) => {
      event.preventDefault();
    };
    document.addEventListener('click', stayHere);
    fireEvent.click(link);
    document.removeEventListener('click', stayHere);

    await waitFor(() => {
      expect(requestsFor('TrackEvent')).toHaveLength(1);
    });
    const [click] = requestsFor('TrackEvent');
    expect(click?.variables).toEqual({
      input: { type: 'AFFILIATE_CLICK', flavorId: 'red-bull-original' },
    });
    expect(click?.method).toBe('POST');
    expect(click?.keepalive).toBe(true);
  });

  it('starts each flavor from its own container and offers its other sizes', async () => {
    const { requestsFor } = renderCalculator();
    fireEvent.click(await screen.findByRole('radio', { name: /Monster Energy.*160 mg \/ 473 ml/ }));
    const serving = screen.getByLabelText<HTMLInputElement>('Serving size (ml)');
    expect(serving.value).toBe('473');
    const presets = await screen.findByRole('group', {
      name: 'Containers of Red Bull Energy Drink',
    });
    // The fixture answers every SelectedFlavor query with Red Bull: its containers are the presets.
    expect(
      within(presets)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['250 ml', '355 ml', '473 ml', '591 ml']);
    await waitFor(() => {
      expect(requestsFor('CalculateDrink').at(-1)?.variables).toMatchObject({
        input: { flavorId: 'monster-energy-original', servingMl: 473 },
      });
    });

    // On a phone the verdict and a link to the result stay on screen.
    const jump = await screen.findByTestId('result-jump');
    await waitFor(() => {
      expect(jump.textContent).toBe('163.6 mg · CautionSee your drink ↓');
    });
    expect(within(jump).getByRole('link').getAttribute('href')).toBe('#drink-result');
    expect(
      document.getElementById('drink-result')?.contains(screen.getByTestId('calculation-result')),
    ).toBe(true);
    expect(screen.getByTestId('result-limit-cap').textContent).toBe('210 mg');
  });
});
