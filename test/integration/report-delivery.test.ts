import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpReceiver } from '@taurine/notify/testing';
import type { SmtpReceiver } from '@taurine/notify/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { waitUntil } from '../testing/wait-until.ts';

const CREATE = /* GraphQL */ `
  mutation ($input: ReportScheduleInput!) {
    createReportSchedule(input: $input) {
      __typename
      ... on ReportSchedule {
        id
        nextRunAt
      }
      ... on ValidationError {
        message
      }
    }
  }
`;

/** The base64 body of the attachment of `contentType` in a raw MIME message, decoded. */
function attachment(raw: string, contentType: string): Buffer {
  const start = raw.indexOf(`Content-Type: ${contentType}`);
  expect(start).toBeGreaterThan(-1);
  const body = raw.slice(raw.indexOf('\r\n\r\n', start) + 4);
  return Buffer.from(body.slice(0, body.indexOf('\r\n--')).replace(/\s+/g, ''), 'base64');
}

let apps: TestApp[] = [];
let receiver: SmtpReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  for (const app of apps.reverse()) await app.dispose();
  apps = [];
});

describe('scheduled reports', () => {
  it('emails a due report with its PDF once, across a restart during an SMTP outage', async () => {
    // A port with no SMTP server behind it yet: the first delivery attempt fails.
    const probe = await startSmtpReceiver();
    const port = probe.port;
    await probe.close();
    const env = {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      ALERT_EMAIL_TO: 'alerts@example.com',
      INSTANCE_ID: 'reports-a',
    };
    const first = await createTestApp(env);
    apps.push(first);
    const created = await first.graphql<{
      createReportSchedule: { __typename: string; id: string };
    }>(CREATE, {
      input: {
        name: 'Daily ops',
        period: 'DAY',
        timeZone: 'Europe/Paris',
        cron: '* * * * *',
        recipients: ['boss@example.com'],
        formats: ['PDF', 'CSV'],
      },
    });
    expect(created.data!.createReportSchedule.__typename).toBe('ReportSchedule');
    const due = Date.now() + 120_000;
    const made = await first.services.reportScheduler.runDue(due);
    expect(made).toHaveLength(1);
    await first.services.alerting.dispatch();
    const [queued] = await first.services.store.outbox.list({ channelName: 'env-email' });
    expect(queued).toMatchObject({ status: 'pending', attempts: 1 });

    // Restart in the middle: the first process stops, the SMTP server comes up, a new one starts.
    await first.stop();
    receiver = await startSmtpReceiver({ port });
    const second = await createTestApp({
      ...env,
      DATA_DIR: first.dataDir,
      ADMIN_API_KEY: first.adminKey,
    });
    apps.push(second);
    // The schedule's due time was handled before the restart: nothing new is made.
    expect(await second.services.reportScheduler.runDue(due)).toEqual([]);
    await waitUntil(async () => {
      await second.services.alerting.dispatch();
      return receiver!.messages.length > 0;
    }, 20_000);
    await second.services.alerting.dispatch();
    expect(await second.services.reportScheduler.runDue(due + 1000)).toEqual([]);
    expect(receiver.messages).toHaveLength(1);

    const [mail] = receiver.messages;
    expect(mail!.to).toEqual(['boss@example.com']);
    expect(mail!.raw).toMatch(/Subject: \[Taurine\] Daily report \d{4}-\d{2}-\d{2}/);
    expect(mail!.raw).toContain('text/html');
    expect(mail!.raw).toMatch(/filename=.?taurine-report-day-\d{4}-\d{2}-\d{2}\.pdf/);
    const pdf = attachment(mail!.raw, 'application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'taurine-mail-'));
    try {
      writeFileSync(join(dir, 'report.pdf'), pdf);
      const text = execFileSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Performance report');
      expect(text).toContain('Europe/Paris');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const stored = await second.graphql<{
      reports: { edges: { node: { id: string; generatedBy: string } }[] };
    }>(`{ reports { edges { node { id generatedBy } } } }`, {}, { 'x-api-key': first.adminKey });
    expect(stored.errors).toBeUndefined();
    expect(stored.data!.reports.edges.map((edge) => edge.node)).toEqual([
      { id: made[0], generatedBy: 'schedule:Daily ops' },
    ]);
  });
});
