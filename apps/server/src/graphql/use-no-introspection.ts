import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Refuses schema introspection (`__schema`, `__type`) during validation, for deployments that run
 * with `GRAPHQL_INTROSPECTION=false`. `__typename` stays allowed: clients need it.
 */
export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
