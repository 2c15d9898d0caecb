import { describe, expect, it } from 'vitest';
import {
  MAX_TARGET_LENGTH,
  MAX_URL_LENGTH,
  normaliseAttribution,
  sanitiseTarget,
  sanitiseUrl,
} from './vital-attribution.ts';

describe('sanitiseTarget', () => {
  it('keeps a selector as web-vitals generates it', () => {
    expect(sanitiseTarget('html>body>div#root>main.app>img.hero')).toBe(
      'html>body>div#root>main.app>img.hero',
    );
    expect(sanitiseTarget('ul>li:nth-child(2)>button[type]')).toBe(
      'ul>li:nth-child(2)>button[type]',
    );
  });

  it('removes markup, quotes and control characters, and gives up on nothing left', () => {
    expect(sanitiseTarget('div.a<script>alert("x")</script>\n\t')).toBe(
      'div.ascript>alert(x)script',
    );
    expect(sanitiseTarget('<>"\'')).toBeUndefined();
    expect(sanitiseTarget(42)).toBeUndefined();
  });

  it('keeps the end of a long selector (the element), starting at an element', () => {
    const long = `${'div.wrapper>'.repeat(40)}img.hero`;
    const target = sanitiseTarget(long)!;
    expect(target.length).toBeLessThanOrEqual(MAX_TARGET_LENGTH);
    expect(target.endsWith('>img.hero')).toBe(true);
    expect(target.startsWith('div.wrapper>')).toBe(true);
    expect(sanitiseTarget('x'.repeat(100_000))).toHaveLength(MAX_TARGET_LENGTH);
  });
});

describe('sanitiseUrl', () => {
  it('keeps origin and path, drops query and fragment, bounds the length', () => {
    expect(sanitiseUrl('https://cdn.example/img/hero.webp?token=secret#x')).toBe(
      'https://cdn.example/img/hero.webp',
    );
    expect(sanitiseUrl('/hero.png')).toBe('/hero.png');
    expect(sanitiseUrl(`https://cdn.example/${'a'.repeat(500)}`)).toHaveLength(MAX_URL_LENGTH);
  });

  it('folds inline images and refuses other schemes', () => {
    expect(sanitiseUrl(`data:image/png;base64,${'A'.repeat(1000)}`)).toBe('data:');
    expect(sanitiseUrl('javascript:alert(1)')).toBeUndefined();
    expect(sanitiseUrl('')).toBeUndefined();
  });
});

describe('normaliseAttribution', () => {
  it('keeps only the fields of the vital, with bounded numbers rounded to three decimals', () => {
    expect(
      normaliseAttribution('LCP', {
        target: 'main>img.hero',
        url: 'https://cdn.example/hero.webp?v=2',
        timeToFirstByte: 120.12345,
        resourceLoadDelay: 30,
        resourceLoadDuration: Number.NaN,
        elementRenderDelay: -5,
        inputDelay: 10,
        lcpEntry: { huge: 'object' },
      }),
    ).toEqual({
      target: 'main>img.hero',
      url: 'https://cdn.example/hero.webp',
      timeToFirstByte: 120.123,
      resourceLoadDelay: 30,
    });
  });

  it('keeps INP’s target and interaction type, CLS’s largest shift source and value', () => {
    expect(
      normaliseAttribution('INP', {
        target: 'button#buy',
        interactionType: 'pointer',
        inputDelay: 8,
        processingDuration: 1e9,
      }),
    ).toEqual({ target: 'button#buy', interactionType: 'pointer', inputDelay: 8 });
    expect(normaliseAttribution('INP', { interactionType: 'telepathy' })).toEqual({});
    expect(
      normaliseAttribution('CLS', { target: 'div.banner', largestShiftValue: 0.12, url: '/x' }),
    ).toEqual({ target: 'div.banner', largestShiftValue: 0.12 });
  });

  it('has no element for FCP and TTFB, and nothing for what is not an object', () => {
    expect(normaliseAttribution('TTFB', { target: 'div', waitingDuration: 3 })).toEqual({
      waitingDuration: 3,
    });
    expect(normaliseAttribution('FCP', null)).toEqual({});
    expect(normaliseAttribution('FCP', ['target'])).toEqual({});
  });
});
