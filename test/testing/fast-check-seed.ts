import fc from 'fast-check';

// Property tests explore new random inputs on every local run; on CI they replay one fixed seed
// (override with FAST_CHECK_SEED) so a landing never depends on the luck of the draw. A failure
// prints its seed and counterexample: add the counterexample to the property's `examples`.
if (process.env['CI']) {
  fc.configureGlobal({ seed: Number(process.env['FAST_CHECK_SEED'] ?? 20_261_127) });
}
