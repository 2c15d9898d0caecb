import type { DeviceType } from '@taurine/vitals';

/** Viewport widths (CSS px) below which a browser without a clearer signal is mobile or tablet. */
export const DEVICE_BREAKPOINTS = { mobile: 768, tablet: 1024 } as const;

export interface DeviceSignals {
  /** `innerWidth` in CSS pixels. */
  viewportWidth: number;
  userAgent: string;
  /** `navigator.userAgentData.mobile` where the browser has User-Agent Client Hints. */
  mobileHint?: boolean | undefined;
  /** `matchMedia('(pointer: coarse)')`: a touch screen is the main pointer. */
  coarsePointer?: boolean | undefined;
}

/**
 * Mobile, tablet or desktop. The user agent decides when it says so (client hints, "Mobi",
 * "iPad", "Tablet", Android without "Mobile"); otherwise the viewport width does, and a narrow
 * window on a desktop with a mouse stays a desktop.
 */
export function deviceType(signals: DeviceSignals): DeviceType {
  const ua = signals.userAgent;
  if (
    /iPad|Tablet|PlayBook|Silk|Kindle/i.test(ua) ||
    (/Android/i.test(ua) && !/Mobile/i.test(ua))
  ) {
    return 'tablet';
  }
  if (signals.mobileHint === true || /Mobi|iPhone|iPod|Windows Phone/i.test(ua)) return 'mobile';
  if (signals.coarsePointer === false) return 'desktop';
  if (signals.viewportWidth < DEVICE_BREAKPOINTS.mobile) return 'mobile';
  if (signals.viewportWidth < DEVICE_BREAKPOINTS.tablet) return 'tablet';
  return 'desktop';
}

/** The signals of the running browser. */
export function currentDeviceSignals(): DeviceSignals {
  const hints = (navigator as Navigator & { userAgentData?: { mobile?: boolean } }).userAgentData;
  return {
    viewportWidth: window.innerWidth,
    userAgent: navigator.userAgent,
    mobileHint: hints?.mobile,
    coarsePointer:
      typeof window.matchMedia === 'function'
        ? window.matchMedia('(pointer: coarse)').matches
        : undefined,
  };
}
