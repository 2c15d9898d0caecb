import { GraphQLError, isObjectType } from 'graphql';
import type { GraphQLField, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { API_KEY_HEADER } from './principal.ts';
import type { KeyRejection, Principal } from './principal.ts';
import { ROLES, roleAtLeast } from './roles.ts';
import type { Role } from './roles.ts';

/**
 * The Pothos scopes (the builder's `AuthScopes`). Every root field declares one or more:
 * - `public`: anyone, without a key (calculator queries, `trackEvent`): an explicit opt-out;
 * - `viewer`: read-only dashboard data; a viewer key or better, or no key at all when
 *   `PUBLIC_DASHBOARD=true` (so viewer fields never expose secrets);
 * - `operator`: cache operations, memory optimisation, acknowledging and resolving alerts;
 * - `admin`: rules, channels, silences, keys and the audit log.
 */
export interface AuthScopes {
  public: boolean;
  viewer: boolean;
  operator: boolean;
  admin: boolean;
}

/** A scope name. */
export type AuthScopeName = keyof AuthScopes;

/** Scope names, least privileged first. */
export const AUTH_SCOPE_NAMES = ['public', 'viewer', 'operator', 'admin'] as const;

/** Options of {@link authScopesFor}. */
export interface AuthScopesForOptions {
  /** Whether callers without a key may read viewer (dashboard) data. */
  publicDashboard: boolean;
}

/** The scopes `principal` holds: the value of the builder's `scopeAuth.authScopes`. */
export function authScopesFor(principal: Principal, options: AuthScopesForOptions): AuthScopes {
  const role = principal.kind === 'key' ? principal.role : null;
  return {
    public: true,
    viewer: role === null ? options.publicDashboard : roleAtLeast(role, 'viewer'),
    operator: role !== null && roleAtLeast(role, 'operator'),
    admin: role !== null && roleAtLeast(role, 'admin'),
  };
}

/**
 * The parts of `@pothos/plugin-scope-auth`'s `AuthFailure` read here, declared structurally: the
 * plugin's types must not be imported before the builder registers the plugin, because importing
 * them makes its `scopeAuth` option required on every builder in the program.
 */
export interface ScopeAuthFailure {
  /** `AuthScope`, `AnyAuthScopes`, `AllAuthScopes`, `AuthScopeFunction`, `GrantedScope`… */
  kind: string;
  scope?: unknown;
  failures?: readonly ScopeAuthFailure[];
}

/** The plugin's `ForbiddenResult`, structurally (see {@link ScopeAuthFailure}). */
export interface ScopeAuthForbiddenResult {
  message: string;
  failure: ScopeAuthFailure;
}

const isRoleScope = (scope: unknown): scope is Role =>
  typeof scope === 'string' && (ROLES as readonly string[]).includes(scope);

/**
 * The least role that would have passed a failed check, read from the plugin's failure tree:
 * the lowest role among the alternatives of an `any` check, the highest of an `all` check. Null
 * when the failure names no role (a custom function check).
 */
export function requiredRoleOf(failure: ScopeAuthFailure): Role | null {
  switch (failure.kind) {
    case 'AuthScope':
      return isRoleScope(failure.scope) ? failure.scope : null;
    case 'AnyAuthScopes':
    case 'AllAuthScopes': {
      const roles = (failure.failures ?? [])
        .map(requiredRoleOf)
        .filter((role): role is Role => role !== null)
        .map((role) => ROLES.indexOf(role));
      if (roles.length === 0) return null;
      const index = failure.kind === 'AnyAuthScopes' ? Math.min(...roles) : Math.max(...roles);
      return ROLES[index] ?? null;
    }
    default:
      return null;
  }
}

/** Unknown, revoked and expired keys read alike: a refusal never confirms that a key exists. */
export const REJECTION_TEXT: Readonly<Record<KeyRejection, string>> = {
  malformed: 'invalid or revoked key',
  unknown: 'invalid or revoked key',
  revoked: 'invalid or revoked key',
  expired: 'invalid or revoked key',
  unavailable: 'the key sent could not be checked right now; try again',
  conflicting: 'x-api-key and Authorization: Bearer carry different keys; send one',
};

const withArticle = (role: Role): string => `${role === 'viewer' ? 'a' : 'an'} ${role}`;

/**
 * The error for a failed scope check (the builder's `scopeAuth.unauthorizedError`):
 * `UNAUTHENTICATED` when the caller has no valid key, `FORBIDDEN` when its role is too low; the
 * message names the field, the role needed, the header and who the caller is, never the key.
 */
export function accessDeniedError(
  principal: Principal,
  info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>,
  result: Pick<ScopeAuthForbiddenResult, 'failure'>,
): GraphQLError {
  const field = `${info.parentType.name}.${info.fieldName}`;
  const required = requiredRoleOf(result.failure);
  const needs =
    required === null
      ? `${field} is not available to this caller`
      : `${field} needs ${withArticle(required)} key (${API_KEY_HEADER})`;
  if (principal.kind === 'anonymous') {
    const why =
      principal.rejectedKey === undefined
        ? 'no key was sent'
        : REJECTION_TEXT[principal.rejectedKey];
    return new GraphQLError(`${needs}; ${why}`, {
      extensions: {
        code: 'UNAUTHENTICATED',
        ...(required === null ? {} : { requiredRole: required }),
      },
    });
  }
  return new GraphQLError(
    `${needs}; you are authenticated as ${principal.role} "${principal.name}"`,
    {
      extensions: {
        code: 'FORBIDDEN',
        role: principal.role,
        ...(required === null ? {} : { requiredRole: required }),
      },
    },
  );
}

/** Options of {@link scopeAuthOptions}. */
export interface ScopeAuthWiring<Context> {
  /** The caller of an operation. */
  principalOf: (context: Context) => Principal;
  /** Whether callers without a key may read viewer data (`PUBLIC_DASHBOARD`). */
  publicDashboardOf: (context: Context) => boolean;
}

/**
 * The `scopeAuth` option of the Pothos builder: scopes from the context's principal, the
 * UNAUTHENTICATED / FORBIDDEN errors, and checks at subscribe time too (not per event).
 */
export function scopeAuthOptions<Context>(wiring: ScopeAuthWiring<Context>) {
  return {
    authorizeOnSubscribe: true,
    authScopes: (context: Context): AuthScopes =>
      authScopesFor(wiring.principalOf(context), {
        publicDashboard: wiring.publicDashboardOf(context),
      }),
    unauthorizedError: (
      _parent: unknown,
      context: Context,
      info: GraphQLResolveInfo,
      result: ScopeAuthForbiddenResult,
    ): GraphQLError => accessDeniedError(wiring.principalOf(context), info, result),
  };
}

/** What a root field declares with `authScopes`. */
export type DeclaredAccess =
  { kind: 'scopes'; scopes: AuthScopeName[] } | { kind: 'dynamic' } | { kind: 'none' };

/**
 * The scopes a field declares through Pothos' `authScopes` (read from the built schema): a flat
 * map gives its true scopes, a function or `$all`/`$any` gives `dynamic`, no option gives `none`.
 * Role-matrix tests use it so a new root field without a rule fails.
 */
export function declaredAccessOf(field: GraphQLField<unknown, unknown>): DeclaredAccess {
  const options = field.extensions['pothosOptions'] as { authScopes?: unknown } | undefined;
  const authScopes = options?.authScopes;
  if (authScopes === undefined) return { kind: 'none' };
  if (typeof authScopes !== 'object' || authScopes === null) return { kind: 'dynamic' };
  const entries = Object.entries(authScopes);
  if (entries.some(([name]) => !(AUTH_SCOPE_NAMES as readonly string[]).includes(name))) {
    return { kind: 'dynamic' };
  }
  return {
    kind: 'scopes',
    scopes: entries.filter(([, wanted]) => wanted === true).map(([name]) => name as AuthScopeName),
  };
}

/** Every Query, Mutation and Subscription field with what it declares, in schema order. */
export function rootFieldAccess(
  schema: GraphQLSchema,
): { type: string; field: string; access: DeclaredAccess }[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
    .filter((type) => type !== null && type !== undefined && isObjectType(type))
    .flatMap((type) =>
      Object.values(type.getFields()).map((field) => ({
        type: type.name,
        field: field.name,
        access: declaredAccessOf(field),
      })),
    );
}

/**
 * Whether a principal holding `held` passes a field declaring `access` (the plugin's default
 * `any` strategy): what role-matrix tests expect before they run the operation.
 */
export function isGranted(access: DeclaredAccess, held: AuthScopes): boolean {
  return access.kind === 'scopes' && access.scopes.some((scope) => held[scope]);
}
