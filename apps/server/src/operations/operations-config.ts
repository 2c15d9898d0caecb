/** `AppConfig.operations`: settings of the operations side: suggestions, automatic responses and diagnostics. */
export interface OperationsConfig {
  /** Percentage of GraphQL operations whose resolvers are timed. @default 10 */
  fieldTimingSamplePercent: number;
  /** How long a response's condition must hold before it acts. @default 60000 */
  responseSustainMs: number;
  /** Heaps larger than this many MB are not snapshotted. @default 512 */
  heapSnapshotMaxMb: number;
  /** CPU profiles, and heap snapshots, per hour on one instance. @default 6 */
  diagnosticsPerHour: number;
  /** Watch heap after GC for leaks (with the sampling heap profiler). @default true */
  leakDetector: boolean;
}
