import { CAFFEINE_GUIDANCE, CAFFEINE_SOURCES } from '../guidance.ts';
import { roundTo } from '../round.ts';
import type { CaffeineLimit } from './types.ts';

/** Digits the limits are reported with (the same 0.1 mg as caffeine amounts). */
const LIMIT_DECIMALS = 1;

const mg = (value: number): string => `${roundTo(value, LIMIT_DECIMALS)} mg`;

/**
 * The caffeine limit one serving is rated against (EFSA 2015, see {@link CAFFEINE_SOURCES}):
 * 3 mg/kg × `bodyWeightKg` when the body weight is known, else the adult single dose of 200 mg;
 * and never above the adult daily 400 mg, which a single serving must not exceed either (that
 * only binds above 133 kg). Unrounded, so ratings compare exact values; report with `roundTo`.
 */
export function caffeineLimitFor(bodyWeightKg: number | null): CaffeineLimit {
  const { singleDoseLimitMg, singleDoseMgPerKg, dailyLimitMg } = CAFFEINE_GUIDANCE;
  const singleDoseMg = bodyWeightKg === null ? singleDoseLimitMg : singleDoseMgPerKg * bodyWeightKg;
  const capMg = Math.min(singleDoseMg, dailyLimitMg);
  let explanation: string;
  if (bodyWeightKg === null) {
    explanation = `${mg(capMg)}: EFSA's single dose for adults, used because no body weight is given (3 mg/kg for a 70 kg adult is about the same).`;
  } else {
    const derivation = `${singleDoseMgPerKg} mg/kg × ${roundTo(bodyWeightKg, 1)} kg`;
    explanation =
      capMg < singleDoseMg
        ? `${mg(capMg)}: EFSA's daily limit for adults, lower than the single dose of ${derivation} = ${mg(singleDoseMg)}.`
        : `${mg(capMg)}: EFSA's single dose of ${derivation}.`;
  }
  return {
    singleDoseMg,
    basis: bodyWeightKg === null ? 'adult-default' : 'body-weight',
    bodyWeightKg,
    mgPerKg: singleDoseMgPerKg,
    dailyMg: dailyLimitMg,
    capMg,
    explanation,
    sources: CAFFEINE_SOURCES,
  };
}
