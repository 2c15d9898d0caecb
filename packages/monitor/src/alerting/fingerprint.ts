const FNV64_OFFSET_BASIS = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const utf8 = new TextEncoder();

/**
 * 64-bit FNV-1a of the UTF-8 bytes of `text`, as 16 lower-case hex digits. Not cryptographic:
 * it names alerts, it does not protect anything. Same input, same output on every platform.
 */
export function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET_BASIS;
  for (const byte of utf8.encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * FNV64_PRIME);
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The stable identity of the alert of rule `ruleId` for one tag set: the same rule and tags give
 * the same fingerprint whatever the key order; any other tag value gives another. The hashed text
 * is JSON of `[ruleId, sortedTagEntries]`, so no value can forge a separator.
 */
export function alertFingerprint(
  ruleId: string,
  tags: Readonly<Record<string, string>> = {},
): string {
  return fnv1a64(JSON.stringify([ruleId, sortedEntries(tags)]));
}

/** Tag entries sorted by key with a locale-independent code-unit order. */
export function sortedEntries(tags: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
