/** Letter grades of the health score. */
export type HealthGrade = 'A' | 'B' | 'C' | 'D' | 'F';

/**
 * The bands, as data: a score at or above `min` earns the grade (A 90–100, B 80–89.9,
 * C 70–79.9, D 60–69.9, F below 60).
 */
export const HEALTH_GRADE_BANDS: readonly { grade: HealthGrade; min: number }[] = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 80 },
  { grade: 'C', min: 70 },
  { grade: 'D', min: 60 },
  { grade: 'F', min: -Infinity },
];

/** The grade of a 0–100 health score. */
export function healthGrade(score: number): HealthGrade {
  return HEALTH_GRADE_BANDS.find((band) => score >= band.min)!.grade;
}
