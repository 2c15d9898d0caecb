/**
 * Test helpers for anything that implements or talks to this package (`@taurine/notify/testing`):
 * the contract suite every `OutboxStore` must pass, and a real HTTP receiver for channel tests.
 * Not part of the runtime API: the contract suite imports vitest.
 */
export { describeOutboxStoreContract } from '../outbox-store-contract.ts';
export { refusedUrl, scripted, startHttpReceiver } from './http-receiver.ts';
export type { HttpReceiver, ReceivedRequest, Reply } from './http-receiver.ts';
