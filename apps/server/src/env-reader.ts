/** The environment as the configuration reads it. */
export type Env = Record<string, string | undefined>;

/** Typed reads of environment variables; each bad value adds one line to `problems`. */
export interface EnvReader {
  env: Env;
  integer(name: string, fallback: number, min: number, max: number): number;
  /** The URL as given (unset or empty: undefined), its scheme one of `schemes`. */
  url(name: string, schemes: string[]): string | undefined;
  boolean(name: string, fallback: boolean): boolean;
}

export function envReader(env: Env, problems: string[]): EnvReader {
  return {
    env,
    integer(name, fallback, min, max) {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
        return fallback;
      }
      return value;
    },
    url(name, schemes) {
      const raw = env[name];
      if (raw === undefined || raw === '') return undefined;
      try {
        const parsed = new URL(raw);
        if (!schemes.includes(parsed.protocol)) {
          problems.push(`${name} must start with ${schemes.map((s) => `${s}//`).join(' or ')}`);
        }
      } catch {
        // The value may hold a password: never echo it.
        problems.push(`${name} is not a valid URL`);
      }
      return raw;
    },
    boolean(name, fallback) {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
      if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
      problems.push(`${name} must be true or false (got "${raw}")`);
      return fallback;
    },
  };
}
