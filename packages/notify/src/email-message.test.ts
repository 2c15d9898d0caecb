import { describe, expect, it } from 'vitest';
import { renderEmail, TREND_TABLE_ROWS } from './email-message.ts';
import { renderSparkline } from './sparkline.ts';
import { SAMPLE_AT, sampleNotification } from './testing/sample-notification.ts';

describe('renderEmail', () => {
  it('samples a long trend into a small table that ends with the latest point', () => {
    const trend = Array.from({ length: 60 }, (_, minute) => ({
      t: SAMPLE_AT - (59 - minute) * 60_000,
      value: minute,
    }));
    const { text } = renderEmail(sampleNotification({ trend, unit: '' }));

    const rows = text.split('\n').filter((line) => /^ {2}\d{4}-/.test(line));
    expect(rows).toHaveLength(TREND_TABLE_ROWS);
    expect(rows.at(0)).toBe('  2025-01-15T11:01:00.000Z  0');
    expect(rows.at(-1)).toBe('  2025-01-15T12:00:00.000Z  59');
  });

  it('says so when there is no data in the last hour', () => {
    const { text, html } = renderEmail(
      sampleNotification({ trend: [], value: null, threshold: null }),
    );
    expect(text).toContain('No data in the last hour.');
    expect(text).toContain('Value: no data');
    expect(text).toContain('Threshold: none');
    expect(html).toContain('No data in the last hour.');
  });

  it('keeps the subject on one line', () => {
    const { subject } = renderEmail(
      sampleNotification({ alertName: 'a\r\nBcc: victim@example.com' }),
    );
    expect(subject).toBe('[Taurine] [FIRING] critical: a Bcc: victim@example.com');
  });
});

describe('renderSparkline', () => {
  it('maps the range onto eight bar heights and buckets long series', () => {
    expect(renderSparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(renderSparkline([5, 5, 5])).toBe('▄▄▄');
    expect(renderSparkline([])).toBe('');
    expect(renderSparkline(Array.from({ length: 600 }, (_, index) => index))).toHaveLength(60);
  });
});
