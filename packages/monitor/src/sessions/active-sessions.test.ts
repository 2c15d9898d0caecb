import { describe, expect, it } from 'vitest';
import { ActiveSessions } from './active-sessions.ts';

describe('ActiveSessions', () => {
  it('counts each visitor once within the window and forgets idle ones', () => {
    const sessions = new ActiveSessions({ windowMs: 300_000 });
    sessions.touch('a', 0);
    sessions.touch('b', 1_000);
    sessions.touch('a', 2_000);
    expect(sessions.count(2_000)).toBe(2);
    // 'b' was last seen at 1 s; at 301.5 s it is outside the 5-minute window, 'a' is not.
    expect(sessions.count(301_500)).toBe(1);
    expect(sessions.count(400_000)).toBe(0);
  });

  it('stays bounded under a flood of distinct ids', () => {
    const sessions = new ActiveSessions({ maxSessions: 100 });
    for (let i = 0; i < 10_000; i += 1) sessions.touch(`visitor-${i}`, i);
    expect(sessions.count(10_000)).toBe(100);
  });

  it('rejects options that cannot work', () => {
    expect(() => new ActiveSessions({ windowMs: 0 })).toThrow('windowMs must be a positive number');
    expect(() => new ActiveSessions({ maxSessions: 0.5 })).toThrow(
      'maxSessions must be a positive integer',
    );
  });
});
