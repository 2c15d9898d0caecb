import { describe, expect, it } from 'vitest';
import { deviceType } from './device-type.ts';
import { routeName } from './route-name.ts';

const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36';

describe('deviceType', () => {
  it('trusts the user agent when it names a phone or a tablet', () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';
    const pixel = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/131.0 Mobile Safari/537.36';
    const tab = 'Mozilla/5.0 (Linux; Android 13; SM-X700) Chrome/131.0 Safari/537.36';
    expect(deviceType({ viewportWidth: 1200, userAgent: iphone })).toBe('mobile');
    expect(deviceType({ viewportWidth: 412, userAgent: pixel })).toBe('mobile');
    expect(deviceType({ viewportWidth: 800, userAgent: tab })).toBe('tablet');
    expect(deviceType({ viewportWidth: 1024, userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0)' })).toBe(
      'tablet',
    );
    expect(deviceType({ viewportWidth: 1400, userAgent: DESKTOP_UA, mobileHint: true })).toBe(
      'mobile',
    );
  });

  it('otherwise uses the viewport, except for a narrow window on a mouse-driven desktop', () => {
    expect(deviceType({ viewportWidth: 390, userAgent: DESKTOP_UA })).toBe('mobile');
    expect(deviceType({ viewportWidth: 900, userAgent: DESKTOP_UA })).toBe('tablet');
    expect(deviceType({ viewportWidth: 1400, userAgent: DESKTOP_UA })).toBe('desktop');
    expect(deviceType({ viewportWidth: 390, userAgent: DESKTOP_UA, coarsePointer: false })).toBe(
      'desktop',
    );
  });
});

describe('routeName', () => {
  it('keeps the app’s pages and folds everything else', () => {
    expect(routeName('/')).toBe('/');
    expect(routeName('/monitoring/')).toBe('/monitoring');
    expect(routeName('/performance?device=mobile')).toBe('/performance');
    expect(routeName('/alerts/42')).toBe('/alerts/:id');
    expect(routeName('/wp-admin.php')).toBe('/other');
  });
});
