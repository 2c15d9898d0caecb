/** Source of the current time in epoch milliseconds; injected so tests can use virtual time. */
export interface Clock {
  now(): number;
}
