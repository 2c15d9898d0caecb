import { describe, expect, it } from 'vitest';
import type { LoadEngine } from './load-engine.ts';
import { createProgressDisplay } from './progress-display.ts';
import type { Sample } from './run-stats.ts';

const NOW = 1_000_000;
/** Ten requests in the run's first second, one failed, taking 10…100 ms, from 4 users. */
const samples: Sample[] = Array.from({ length: 10 }, (_, index) => ({
  startedAt: NOW + index * 100,
  ms: (index + 1) * 10,
  ok: index !== 0,
}));
const engine = {
  users: () => 4,
  samplesSince: (from: number) => samples.filter((sample) => sample.startedAt >= from),
} as Pick<LoadEngine, 'users' | 'samplesSince'> as LoadEngine;

function display(isTTY: boolean) {
  const written: string[] = [];
  let now = NOW;
  const write = (text: string) => {
    written.push(text);
  };
  const progress = createProgressDisplay(engine, { write, isTTY }, () => now);
  return {
    progress,
    written,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const FIGURES = 'users 4/5  2.0 req/s  p95 100.0 ms  errors 10.0 %';

describe('the live progress display', () => {
  it('writes plain lines off a terminal: one per phase, then the figures every 2 s', () => {
    const { progress, written, advance } = display(false);
    progress.phase('steady 2/3', NOW + 30_000);
    advance(1_000);
    progress.tick(5);
    advance(1_500);
    progress.tick(5);
    expect(written).toEqual(['▶ steady 2/3\n', `[steady 2/3]  ${FIGURES}  28s left in phase\n`]);
  });

  it('rewrites one line in place on a terminal', () => {
    const { progress, written, advance } = display(true);
    progress.phase('ramp-up 1/3', NOW + 10_000);
    advance(2_500);
    progress.tick(5);
    progress.tick(5);
    progress.finish();
    const rewrite = '\r\u001b[2K';
    expect(written).toEqual([
      '▶ ramp-up 1/3\n',
      `${rewrite}[ramp-up 1/3]  ${FIGURES}  8s left in phase`,
      `${rewrite}[ramp-up 1/3]  ${FIGURES}  8s left in phase`,
      '\n',
    ]);
  });
});
