import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from './email-channel.ts';
import { mimeHeaders, mimeParts } from './testing/mime-parts.ts';
import { refusedUrl } from './testing/http-receiver.ts';
import { sampleNotification } from './testing/sample-notification.ts';
import { startSmtpReceiver } from './testing/smtp-receiver.ts';
import type { SmtpReceiver } from './testing/smtp-receiver.ts';

const FROM = 'Taurine Alerts <alerts@taurine.example.com>';
const TO = ['oncall@example.com', 'sre@example.com'];

function reasonOf(
  result: Awaited<ReturnType<ReturnType<typeof createEmailChannel>['send']>>,
): string {
  return result.ok ? '' : result.reason;
}

describe('email channel', () => {
  let smtp: SmtpReceiver | undefined;
  let silent: { server: Server; sockets: Socket[] } | undefined;
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
    if (silent !== undefined) {
      for (const socket of silent.sockets) socket.destroy();
      await new Promise((resolve) => silent?.server.close(resolve));
      silent = undefined;
    }
  });

  it('delivers HTML and text parts with values, last-hour trend, actions and dashboard link', async () => {
    smtp = await startSmtpReceiver();
    const email = createEmailChannel({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: FROM,
      to: TO,
    });

    expect(await email.send(sampleNotification())).toEqual({ ok: true });

    const [mail] = smtp.messages;
    expect(mail?.from).toBe('alerts@taurine.example.com');
    expect(mail?.to).toEqual(TO);
    const headers = mimeHeaders(mail?.raw ?? '');
    expect(headers.get('subject')).toBe('[Taurine] [FIRING] critical: High error rate');
    expect(headers.get('x-taurine-idempotency-key')).toBe('alert-42:firing:1');
    expect(headers.get('message-id')).toMatch(/^<[0-9a-f]{32}@taurine\.example\.com>$/);

    const parts = mimeParts(mail?.raw ?? '');
    const text = parts.find((part) => part.contentType.startsWith('text/plain'))?.body ?? '';
    const html = parts.find((part) => part.contentType.startsWith('text/html'))?.body ?? '';
    for (const body of [text, html]) {
      expect(body).toContain('api.errorRate');
      expect(body).toContain('7.25 %');
      expect(body).toContain('Threshold');
      expect(body).toContain('2025-01-15T11:30:00.000Z'); // a trend row
      expect(body).toContain('min 1.50 %, max 7.25 %, latest 7.25 %');
      expect(body).toContain('Roll back the 11:55 deploy');
      expect(body).toContain('eu-west-1');
      expect(body).not.toContain('999 %'); // 90 minutes old: outside the last hour
    }
    expect(text).toContain('Value: 7.25 %');
    expect(text).toContain('Threshold: 5 %');
    expect(html).toMatch(/Value<\/th>\s*<td[^>]*>7\.25 %<\/td>/);
    expect(text).toContain('Dashboard: https://taurine.example.com/dashboard?alert=42');
    expect(text).toMatch(/[▁▂▃▄▅▆▇█]{4}/);
    expect(html).toContain('<a href="https://taurine.example.com/dashboard?alert=42">');
    expect(html).toContain('<li>Check the upstream API status</li>');
  });

  it('HTML-escapes everything taken from the alert', async () => {
    smtp = await startSmtpReceiver();
    const email = createEmailChannel({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: FROM,
      to: TO,
    });

    await email.send(
      sampleNotification({
        alertName: '<script>alert("x")</script>',
        summary: 'p95 > 2000 & rising',
        recommendedActions: ['<img src=x onerror=alert(1)>'],
        tags: { route: '/calc?a=1&b=<2>' },
        dashboardUrl: 'javascript:alert(1)',
      }),
    );

    const parts = mimeParts(smtp.messages[0]?.raw ?? '');
    const html = parts.find((part) => part.contentType.startsWith('text/html'))?.body ?? '';
    const text = parts.find((part) => part.contentType.startsWith('text/plain'))?.body ?? '';
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('p95 &gt; 2000 &amp; rising');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('/calc?a=1&amp;b=&lt;2&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(text).toContain('<script>alert("x")</script>');
  });

  it('retries SMTP 4xx replies and treats 5xx as final', async () => {
    smtp = await startSmtpReceiver({ rejectRecipientsWith: 450 });
    const busy = await createEmailChannel({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: FROM,
      to: TO,
    }).send(sampleNotification());
    expect(busy).toMatchObject({ ok: false, retryable: true, status: 450 });
    await smtp.close();

    smtp = await startSmtpReceiver({ rejectRecipientsWith: 550 });
    const rejected = await createEmailChannel({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: FROM,
      to: TO,
    }).send(sampleNotification());
    expect(rejected).toMatchObject({ ok: false, retryable: false, status: 550 });
    expect(reasonOf(rejected)).toMatch(/^SMTP server 127\.0\.0\.1:\d+ answered 550/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('retries refused connections and servers that never greet', async () => {
    const refusedPort = new URL(await refusedUrl()).port;
    const refused = await createEmailChannel({
      smtpUrl: `smtp://127.0.0.1:${refusedPort}`,
      from: FROM,
      to: TO,
    }).send(sampleNotification());
    expect(refused).toMatchObject({ ok: false, retryable: true });

    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    silent = { server, sockets };
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const started = performance.now();
    const timedOut = await createEmailChannel({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: FROM,
      to: TO,
      timeoutMs: 200,
    }).send(sampleNotification());
    expect(timedOut).toMatchObject({ ok: false, retryable: true });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('logs in with the URL credentials and never shows the password in a reason', async () => {
    smtp = await startSmtpReceiver({
      credentials: { username: 'alerts', password: 'p@ss:w0rd/42' },
    });
    const good = createEmailChannel({
      smtpUrl: `smtp://alerts:${encodeURIComponent('p@ss:w0rd/42')}@127.0.0.1:${smtp.port}`,
      from: FROM,
      to: TO,
    });
    expect(await good.send(sampleNotification())).toEqual({ ok: true });
    expect(smtp.logins).toEqual([{ username: 'alerts', password: 'p@ss:w0rd/42' }]);

    const bad = createEmailChannel({
      smtpUrl: `smtp://alerts:Wr0ngPassw0rd@127.0.0.1:${smtp.port}`,
      from: FROM,
      to: TO,
    });
    const result = await bad.send(sampleNotification());
    expect(result).toMatchObject({ ok: false, retryable: false, status: 535 });
    expect(reasonOf(result)).toMatch(/answered 535 Authentication failed for .*\[redacted\]/);
    expect(reasonOf(result)).not.toContain('Wr0ngPassw0rd');
  });

  it('rejects bad options with exact messages that do not echo the URL', () => {
    expect(() =>
      createEmailChannel({ smtpUrl: 'http://user:secret@host', from: FROM, to: TO }),
    ).toThrow('createEmailChannel: smtpUrl must be an smtp:// or smtps:// URL');
    expect(() => createEmailChannel({ smtpUrl: 'smtp://localhost', from: FROM, to: [] })).toThrow(
      'createEmailChannel: to must list at least one address',
    );
    expect(() => createEmailChannel({ smtpUrl: 'smtp://localhost', from: '', to: TO })).toThrow(
      'createEmailChannel: from must be a non-empty string',
    );
  });
});
