import { describe, expect, it } from 'vitest';
import { maskSecret, redactSettings } from './channel-config.ts';

describe('channel settings shown to clients', () => {
  it('keep only the scheme and host of secret URLs', () => {
    expect(maskSecret('https://hooks.slack.com/services/T0/B0/XYZ')).toBe(
      'https://hooks.slack.com/••••',
    );
    expect(maskSecret('smtp://user:pa55@mail.example.com:587')).toBe(
      'smtp://mail.example.com:587/••••',
    );
    expect(maskSecret('https://example.com')).toBe('https://example.com');
  });

  it('show the last 4 characters of long keys only', () => {
    expect(maskSecret('R0UT1NGKEY0123456789abcd')).toBe('••••abcd');
    expect(maskSecret('short-key')).toBe('••••');
  });

  it('mask every secret setting of a type and leave the others readable', () => {
    expect(
      redactSettings('email', {
        smtpUrl: 'smtps://alerts:pa55word@smtp.example.com:465',
        from: 'Taurine <alerts@example.com>',
        to: ['ops@example.com', 'dev@example.com'],
      }),
    ).toEqual([
      { name: 'smtpUrl', value: 'smtps://smtp.example.com:465/••••' },
      { name: 'from', value: 'Taurine <alerts@example.com>' },
      { name: 'to', value: 'ops@example.com, dev@example.com' },
    ]);
  });
});
