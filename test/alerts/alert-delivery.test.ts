import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { createManualClock, Secret } from '../../src/lib/index.ts';
import {
  createTestApp,
  createTestOrganization,
  login,
  type TestApp,
  type TestOrganization,
  type TestSession,
  testConfig,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

const SMTP_USER = 'tracegate-alerts';
const PLANTED_SMTP_PASSWORD = 'planted-smtp-password-9f3e1c';

interface Mail {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on 127.0.0.1 that requires the configured user and password. */
async function startSmtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === PLANTED_SMTP_PASSWORD) {
        return callback(null, { user: auth.username });
      }
      return callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { mails, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  verified: boolean;
}

/** A webhook receiver that verifies every signature, and can be told to fail the next calls. */
async function startReceiver() {
  const received: Received[] = [];
  let secret = '';
  let failNext = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      try {
        new Webhook(secret).verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ body, headers: req.headers, verified });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end('try later');
        return;
      }
      res.writeHead(verified ? 204 : 400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    url: `http://127.0.0.1:${port}/hooks/tracegate`,
    setSecret: (s: string) => {
      secret = s;
    },
    failNext: (n: number) => {
      failNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describeEachDialect('alert delivery: e-mail over SMTP and signed webhooks', (ctx) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let org: TestOrganization;
  let admin: TestSession;
  let webhookSecret = '';
  let endpointId = 0;
  const clock = createManualClock(new Date());

  before(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    t = await createTestApp(ctx.database, {
      clock,
      config: {
        // The receiver listens on 127.0.0.1, a private address refused by default.
        alerts: { ...testConfig(ctx.database).alerts, webhookAllowPrivate: true },
        smtp: {
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          user: SMTP_USER,
          password: new Secret(PLANTED_SMTP_PASSWORD),
          from: 'Tracegate <alerts@tracegate.test>',
        },
      },
    });
    org = await createTestOrganization(t.services, 'Delivery Co');
    admin = await login(t.app, org.admin);
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await receiver.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: admin.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const addLicense = async (number: string) => {
    const res = await call('POST', '/api/licenses', {
      number,
      state: 'ca',
      licenseType: 'Retailer',
      name: `Shop ${number}`,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as number;
  };
  const evaluate = async () => {
    const res = await call('POST', '/api/alerts/evaluate');
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { raised: number; resolved: number; delivered: number; failed: number };
  };
  const deliveries = async (query = '') =>
    (await call('GET', `/api/alerts/deliveries${query}`)).json().deliveries as Array<{
      id: number;
      alertId: number;
      event: string;
      channel: string;
      target: string;
      messageId: string;
      status: string;
      attempts: number;
      log: Array<{ outcome: string; statusCode: number | null; error: string | null }>;
    }>;

  it('adds a webhook endpoint and shows its signing secret once', async () => {
    const res = await call('POST', '/api/webhook-endpoints', {
      url: receiver.url,
      description: 'ops pager',
      onResolve: true,
    });
    assert.equal(res.statusCode, 201, res.body);
    webhookSecret = res.json().secret;
    endpointId = res.json().endpoint.id;
    assert.match(webhookSecret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(res.json().endpoint.secretFingerprint, `…${webhookSecret.slice(-4)}`);
    receiver.setSecret(webhookSecret);
    const list = await call('GET', '/api/webhook-endpoints');
    assert.equal(list.body.includes(webhookSecret), false, 'never shown again');
    const row = await ctx.database.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', endpointId)
      .executeTakeFirstOrThrow();
    assert.equal(row.sealed_secret.includes(webhookSecret.slice(6)), false, 'sealed, not stored');
  });

  it('e-mails admins and managers and posts a signed webhook once per raise, retrying with backoff', async () => {
    receiver.failNext(1);
    await addLicense('C10-0000501-LIC');
    const first = await evaluate();
    assert.equal(first.raised, 1);
    assert.equal(first.delivered, 2, 'two e-mails');
    assert.equal(first.failed, 1, 'the webhook receiver answered 500');

    assert.deepEqual(
      smtp.mails.flatMap((m) => m.to).sort(),
      [org.admin.email, org.manager.email].sort(),
    );
    const mail = smtp.mails[0];
    assert.equal(mail?.from, 'alerts@tracegate.test');
    assert.match(
      mail?.data ?? '',
      /Subject: \[Tracegate\] Warning: License C10-0000501-LIC is not\s+syncing/,
    );

    // Not due yet: nothing is sent again before the backoff has passed.
    assert.equal((await evaluate()).delivered, 0);
    assert.equal(receiver.received.length, 1);
    clock.advance(30_000);
    const retried = await evaluate();
    assert.equal(retried.delivered, 1);
    assert.equal(receiver.received.length, 2);
    assert.ok(
      receiver.received.every((r) => r.verified),
      'every signature verifies',
    );
    const [a, b] = receiver.received;
    assert.equal(a?.headers['webhook-id'], b?.headers['webhook-id'], 'same message id on retry');
    const payload = JSON.parse(b?.body ?? '{}');
    assert.equal(payload.type, 'alert.raised');
    assert.equal(payload.data.kind, 'license_not_syncing');

    const hook = (await deliveries()).find((d) => d.channel === 'webhook');
    assert.equal(hook?.status, 'delivered');
    assert.equal(hook?.target, `endpoint:${endpointId}`);
    assert.deepEqual(
      hook?.log.map((l) => [l.outcome, l.statusCode]),
      [
        ['failed', 500],
        ['delivered', 204],
      ],
    );

    // Still open on later evaluations: no second e-mail, no second webhook.
    // (Standard Webhooks receivers refuse timestamps 5 minutes off their own clock.)
    clock.advance(60_000);
    await evaluate();
    assert.equal(smtp.mails.length, 2);
    assert.equal(receiver.received.length, 2);
  });

  it('a receiver with another secret cannot verify the signature, nor a changed body', () => {
    const last = receiver.received.at(-1);
    assert.ok(last);
    const headers = last.headers as Record<string, string>;
    assert.throws(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(last.body, headers),
    );
    assert.throws(() =>
      new Webhook(webhookSecret).verify(last.body.replace('license_not_syncing', 'x'), headers),
    );
  });

  it('follows preferences per role and kind, and tells webhooks (not e-mail) of a resolution', async () => {
    const put = await call('PUT', '/api/alerts/preferences', {
      preferences: [
        {
          role: 'manager',
          kind: 'license_not_syncing',
          console: true,
          email: false,
          onResolve: false,
        },
        {
          role: 'staff',
          kind: 'license_not_syncing',
          console: false,
          email: false,
          onResolve: false,
        },
      ],
    });
    assert.equal(put.statusCode, 200, put.body);
    const mailsBefore = smtp.mails.length;
    const licenseId = await addLicense('C10-0000502-LIC');
    await evaluate();
    const newMails = smtp.mails.slice(mailsBefore);
    assert.deepEqual(
      newMails.flatMap((m) => m.to),
      [org.admin.email],
    );
    const staff = await login(t.app, org.staff);
    const staffInbox = await t.app.inject({
      method: 'GET',
      url: '/api/alerts',
      headers: staff.headers,
    });
    assert.equal(
      staffInbox.json().alerts.some((x: { kind: string }) => x.kind === 'license_not_syncing'),
      false,
      'staff turned this kind off in their console',
    );

    const hooksBefore = receiver.received.length;
    assert.equal((await call('DELETE', `/api/licenses/${licenseId}`)).statusCode, 204);
    const report = await evaluate();
    assert.equal(report.resolved, 1);
    assert.equal(smtp.mails.length, mailsBefore + 1, 'no resolution e-mail by default');
    const resolvedHook = receiver.received.slice(hooksBefore);
    assert.equal(resolvedHook.length, 1);
    assert.equal(JSON.parse(resolvedHook[0]?.body ?? '{}').type, 'alert.resolved');
    assert.ok(resolvedHook[0]?.verified);
  });

  it('gives up after the last backoff step and keeps every attempt in the log', async () => {
    receiver.failNext(100);
    await addLicense('C10-0000503-LIC');
    await evaluate();
    for (let i = 0; i < 8; i++) {
      clock.advance(6 * 3_600_000);
      admin = await login(t.app, org.admin);
      await evaluate();
    }
    receiver.failNext(0);
    // Back to the receiver's time, so its timestamp check passes again.
    clock.set(new Date());
    admin = await login(t.app, org.admin);
    const failed = (await deliveries('?status=failed')).filter((d) => d.channel === 'webhook');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.attempts, 6);
    assert.equal(failed[0]?.log.length, 6);
    assert.ok(failed[0]?.log.every((l) => l.outcome === 'failed' && l.statusCode === 500));
  });

  it('rotating the secret stops the old one at once', async () => {
    const res = await call('POST', `/api/webhook-endpoints/${endpointId}/rotate-secret`);
    assert.equal(res.statusCode, 200, res.body);
    const fresh = res.json().secret as string;
    assert.notEqual(fresh, webhookSecret);
    receiver.setSecret(fresh);
    await addLicense('C10-0000504-LIC');
    await evaluate();
    const last = receiver.received.at(-1);
    assert.ok(last?.verified);
    assert.throws(() =>
      new Webhook(webhookSecret).verify(last?.body ?? '', last?.headers as Record<string, string>),
    );
    webhookSecret = fresh;
  });

  it('never puts the SMTP password or a signing secret in logs, audit events or answers', async () => {
    const audit = await ctx.database.db.selectFrom('audit_events').select('details').execute();
    const everything = [
      ...t.logLines,
      ...audit.map((a) => a.details),
      JSON.stringify(await deliveries()),
      (await call('GET', '/api/webhook-endpoints')).body,
      (await call('GET', '/api/alerts')).body,
      ...smtp.mails.map((m) => m.data),
    ].join('\n');
    assert.equal(everything.includes(PLANTED_SMTP_PASSWORD), false);
    assert.equal(everything.includes(webhookSecret), false);
    assert.equal(everything.includes(webhookSecret.slice(6)), false);
  });

  it('refuses a webhook URL with credentials or another scheme, with a stable code', async () => {
    for (const url of ['ftp://example.com/x', 'https://user:pw@example.com/x', 'not a url']) {
      const res = await call('POST', '/api/webhook-endpoints', { url });
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().code, 'WEBHOOK_URL_INVALID');
    }
    const count = await ctx.database.db
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1, 'nothing half-written');
  });

  it('documents every alerts, webhook and insights route in the OpenAPI document', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys(spec.json().paths);
    for (const path of [
      '/api/alerts',
      '/api/alerts/{id}',
      '/api/alerts/{id}/acknowledge',
      '/api/alerts/evaluate',
      '/api/alerts/preferences',
      '/api/alerts/deliveries',
      '/api/webhook-endpoints',
      '/api/webhook-endpoints/{id}',
      '/api/webhook-endpoints/{id}/rotate-secret',
      '/api/insights',
      '/api/insights/participation',
    ]) {
      assert.ok(paths.includes(path), path);
    }
  });
});
