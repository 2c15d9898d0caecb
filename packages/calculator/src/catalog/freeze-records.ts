/**
 * Freezes a list of flat records and the list itself. The records hold only primitives, so a
 * shallow freeze per record is a deep freeze.
 */
export function freezeRecords<T extends object>(records: T[]): readonly T[] {
  for (const record of records) Object.freeze(record);
  return Object.freeze(records);
}

/** Builds an id → record index. A `Map` (not an object) so ids like `__proto__` cannot collide. */
export function indexById<T extends { readonly id: string }>(
  records: readonly T[],
): ReadonlyMap<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}
