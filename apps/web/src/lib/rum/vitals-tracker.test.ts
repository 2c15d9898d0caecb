import type { MetricWithAttribution } from 'web-vitals/attribution';
import { describe, expect, it } from 'vitest';
import { summariseAttribution } from './vitals-tracker.ts';

/** A web-vitals report with only the fields the summary reads. */
const metric = (name: MetricWithAttribution['name'], attribution: object) =>
  ({ name, value: 1, attribution }) as unknown as MetricWithAttribution;

describe('summariseAttribution', () => {
  it('names the element behind LCP, INP and CLS `target`, bounded as /rum bounds it', () => {
    expect(
      summariseAttribution(
        metric('LCP', {
          target: 'main>img.hero',
          url: 'https://cdn.example/hero.webp?sig=abc',
          resourceLoadDelay: 12.34567,
          lcpEntry: {},
        }),
      ),
    ).toEqual({
      target: 'main>img.hero',
      url: 'https://cdn.example/hero.webp',
      resourceLoadDelay: 12.346,
    });
    expect(
      summariseAttribution(
        metric('INP', {
          interactionTarget: 'button#buy',
          interactionType: 'keyboard',
          inputDelay: 4,
          processedEventEntries: [],
        }),
      ),
    ).toEqual({ target: 'button#buy', interactionType: 'keyboard', inputDelay: 4 });
    expect(
      summariseAttribution(
        metric('CLS', { largestShiftTarget: `${'div>'.repeat(60)}p.ad`, largestShiftValue: 0.2 }),
      ).target,
    ).toMatch(/^div>.*>p\.ad$/);
  });

  it('sends only the phases of FCP and TTFB', () => {
    expect(
      summariseAttribution(
        metric('TTFB', {
          waitingDuration: 1,
          dnsDuration: 2,
          navigationEntry: {},
          cacheDuration: 3,
        }),
      ),
    ).toEqual({ waitingDuration: 1, dnsDuration: 2 });
  });
});
