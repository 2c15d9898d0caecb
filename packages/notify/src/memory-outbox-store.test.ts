import { describe, expect, it } from 'vitest';
import { createMemoryOutboxStore } from './memory-outbox-store.ts';
import { describeOutboxStoreContract } from './outbox-store-contract.ts';
import { newOutboxItems } from './outbox-store.ts';
import { sampleNotification, SAMPLE_AT } from './testing/sample-notification.ts';

describeOutboxStoreContract('memory', createMemoryOutboxStore);

describe('newOutboxItems', () => {
  it('makes one item per channel sharing the idempotency key', async () => {
    const ids = ['id-1', 'id-2'];
    const items = newOutboxItems(
      sampleNotification(),
      [
        { name: 'slack-ops', type: 'slack' },
        { name: 'pagerduty', type: 'pagerduty' },
      ],
      SAMPLE_AT,
      () => ids.shift() ?? 'none',
    );
    const store = createMemoryOutboxStore();
    await store.enqueue(items);

    expect(await store.list()).toMatchObject([
      {
        id: 'id-1',
        channelName: 'slack-ops',
        channelType: 'slack',
        idempotencyKey: 'alert-42:firing:1',
      },
      {
        id: 'id-2',
        channelName: 'pagerduty',
        channelType: 'pagerduty',
        idempotencyKey: 'alert-42:firing:1',
      },
    ]);
  });

  it('stores the notification as JSON, like a SQL column would', async () => {
    const store = createMemoryOutboxStore();
    await store.enqueue(
      newOutboxItems(
        sampleNotification({ description: undefined }),
        [{ name: 'email', type: 'email' }],
        SAMPLE_AT,
      ),
    );
    const [stored] = await store.list();
    expect(stored?.notification).not.toHaveProperty('description');
    expect(stored?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
