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

  it('holds at most maxSessions entries under a flood of distinct ids and estimates beyond them', () => {
    const sessions = new ActiveSessions({ maxSessions: 100 });
    for (let i = 0; i < 10_000; i += 1) sessions.touch(`visitor-${i}`, i);
    expect(sessions.usage(10_000)).toMatchObject({ sessions: 100, estimated: true });
    // The count is no longer the 100 held: a HyperLogLog estimate of the 10 000 (±5 %).
    const count = sessions.count(10_000);
    expect(count).toBeGreaterThan(9_500);
    expect(count).toBeLessThan(10_500);
    // Once the window has passed the forgotten sessions, it is exact again.
    expect(sessions.count(10_000 + 300_001)).toBe(0);
    expect(sessions.usage(10_000 + 300_001).estimated).toBe(false);
  });

  it('counts at most maxSessionsPerClient forged ids from one client per window', () => {
    const sessions = new ActiveSessions({ maxSessionsPerClient: 5 });
    for (let i = 0; i < 50_000; i += 1) sessions.touch(`forged-${i}`, 1_000 + i, '203.0.113.7');
    sessions.touch('real-visitor', 60_000, '198.51.100.1');
    expect(sessions.count(60_000)).toBe(6);
    expect(sessions.usage(60_000)).toMatchObject({ sessions: 6, clients: 2, refused: 49_995 });
    // The client's first sessions stay counted while they keep coming back…
    expect(sessions.touch('forged-0', 61_000, '203.0.113.7')).toBe(true);
    expect(sessions.touch('forged-99', 61_000, '203.0.113.7')).toBe(false);
    // …and its quota frees up once its sessions leave the window.
    expect(sessions.touch('forged-99', 1_000 + 4 + 300_001 + 61_000, '203.0.113.7')).toBe(true);
  });

  it('keeps its per-client bookkeeping bounded by the sessions it holds', () => {
    const sessions = new ActiveSessions({ maxSessions: 1_000, maxSessionsPerClient: 3 });
    for (let i = 0; i < 20_000; i += 1) sessions.touch(`s-${i}`, i, `10.0.${i % 256}.${i >> 8}`);
    const usage = sessions.usage(20_000);
    expect(usage.sessions).toBe(1_000);
    expect(usage.clients).toBeLessThanOrEqual(1_000);
  });

  it('rejects options that cannot work', () => {
    expect(() => new ActiveSessions({ windowMs: 0 })).toThrow('windowMs must be a positive number');
    expect(() => new ActiveSessions({ maxSessions: 0.5 })).toThrow(
      'maxSessions must be a positive integer',
    );
    expect(() => new ActiveSessions({ maxSessionsPerClient: 0 })).toThrow(
      'maxSessionsPerClient must be a positive integer',
    );
  });

  it('hands the sessions seen since the last call over once, for sharing across instances', () => {
    const sessions = new ActiveSessions({ maxSessionsPerClient: 1 });
    sessions.touch('a', 0, '10.0.0.1');
    sessions.touch('b', 1, '10.0.0.1'); // refused: over the client's quota
    sessions.touch('a', 2, '10.0.0.1');
    expect(sessions.takeRecent()).toEqual(['a']);
    expect(sessions.takeRecent()).toEqual([]);
  });
});
