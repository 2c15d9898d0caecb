import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO-8601 string in UTC (e.g. `2026-11-27T11:00:00.000Z`).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (date === null || Number.isNaN(date.getTime())) {
      throw new GraphQLError('DateTime must be an ISO-8601 string or epoch milliseconds', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return date;
  },
});
