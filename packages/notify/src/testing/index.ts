/**
 * Test helpers for anything that implements or talks to this package (`@taurine/notify/testing`):
 * the contract suite every `OutboxStore` must pass, and real HTTP and SMTP receivers for channel tests.
 * Not part of the runtime API: the contract suite imports vitest.
 */
export { describeOutboxStoreContract } from '../outbox-store-contract.ts';
export { refusedUrl, scripted, startHttpReceiver } from './http-receiver.ts';
export type { HttpReceiver, ReceivedRequest, Reply } from './http-receiver.ts';
export { startSmtpReceiver } from './smtp-receiver.ts';
export type { ReceivedMail, SmtpReceiver, SmtpReceiverOptions } from './smtp-receiver.ts';
