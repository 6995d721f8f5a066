/**
 * Outlaw's user keys: an admin sets a staff member's own key from a screenshot of Metrc's QR code
 * (rule 13, decoded on the server); the staff member then shows as verified, and a colleague
 * without a key as not attributed. A POS then posts a sale for each (API token naming the actor):
 * the emulator's request log shows the staff member's sale under their own key and the colleague's
 * under the facility key (CA does not require personal keys, so it is not held), and the Metrc
 * Submissions page says so in words.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import QRCode from 'qrcode';
import { Secret } from '../../src/lib/index.ts';
import { listActivePackages } from '../../src/metrc/index.ts';
import {
  type ConsoleWorld,
  choose,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

const skip = e2eSkipReason();

describe("Outlaw: an admin sets a staff member's key from a QR screenshot", { skip }, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('admin-sets-staff-key-from-qr');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it("saves the key read from the picture, and that person's sales go out under it", {
    timeout: E2E_TIMEOUT_MS,
  }, async () => {
    const password = 'outlaw dispensary passphrase';
    const { page, api } = await world.signedInAdmin('Outlaw Dispensary', password);
    await api.call('POST', '/api/credentials', {
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: world.metrc.userKey('ca-owner'),
    });
    const casey = await api.call('POST', '/api/users', {
      email: 'casey@outlaw-dispensary.example',
      name: 'Casey Morgan',
      role: 'staff',
    });
    await api.call('POST', '/api/users', {
      email: 'riley@outlaw-dispensary.example',
      name: 'Riley Chen',
      role: 'staff',
    });
    const screenshot = join(tempDir('tg-qr-'), 'metrc-key-qr.png');
    writeFileSync(
      screenshot,
      await QRCode.toBuffer(world.metrc.userKey('ca-budtender'), { width: 360 }),
    );

    await page.getByRole('link', { name: 'Users' }).click();
    const row = page.locator('tr[data-member="casey@outlaw-dispensary.example"]');
    await row.getByRole('button', { name: 'Set key' }).click();
    const dialog = page.getByRole('dialog', { name: "Set Casey Morgan's key" });
    await choose(page, 'State', 'California (CA)');
    await dialog.getByText('Photo of the QR code').click();
    await dialog.locator('input[type="file"]').setInputFiles(screenshot);
    await world.shot(page, 'qr-screenshot-chosen');
    await dialog.getByRole('button', { name: 'Verify & Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Verified').waitFor();
    await page
      .locator('tr[data-member="riley@outlaw-dispensary.example"]')
      .getByText('not attributed')
      .waitFor();
    await world.shot(page, 'casey-verified-riley-not-attributed');

    const keys = (await api.call('GET', '/api/credentials')).body.credentials;
    const personal = keys.filter((k: { kind: string }) => k.kind === 'user');
    assert.equal(personal.length, 1);
    assert.equal(personal[0].ownerUserId, casey.body.user.id);
    assert.equal(personal[0].status, 'valid');

    // The POS posts a sale for each staff member with its API token, naming who sold it.
    const riley = (await api.call('GET', '/api/users')).body.users.find(
      (u: { email: string }) => u.email === 'riley@outlaw-dispensary.example',
    );
    assert.ok(riley);
    const token = await api.call('POST', '/api/tokens', { name: 'Outlaw POS', role: 'staff' });
    assert.equal(token.status, 201, JSON.stringify(token.body));
    const pkg = (
      await listActivePackages(
        world.metrc.client.forKeys({
          state: 'ca',
          vendorKey: new Secret(world.metrc.vendorKey('ca')),
          userKey: new Secret(world.metrc.userKey('ca-owner')),
        }),
        { licenseNumber: CA.retailer, pageSize: 20, pageNumber: 1 },
      )
    ).data.find((p) => (p.Quantity ?? 0) >= 10 && p.UnitOfMeasureName === 'Each')?.Label;
    assert.ok(pkg);
    const since = world.metrc.emulator.control.requests().at(-1)?.seq ?? 0;
    const postSale = async (userId: number, number: string) => {
      const res = await fetch(`${world.url}/api/licenses/${CA.retailer}/submissions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token.body.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          kind: 'sales.receipt.create',
          actor: { userId },
          occurredAt: new Date().toISOString(),
          payload: {
            externalNumber: number,
            lines: [{ packageLabel: pkg, quantity: 1, unitOfMeasure: 'Each', totalAmount: 12 }],
          },
        }),
      });
      const body = (await res.json()) as { id: number; status: string };
      assert.ok(res.status < 300, JSON.stringify(body));
      return body;
    };
    const caseySale = await postSale(casey.body.user.id, `OUTLAW-CASEY-${process.pid}`);
    const rileySale = await postSale(riley.id, `OUTLAW-RILEY-${process.pid}`);
    assert.notEqual(rileySale.status, 'held', 'CA does not require personal keys');

    // The outbox drains both; the worker runs on its own schedule, so ask the API until they are
    // sent (bounded). The page's waitForFunction cannot: it takes an async predicate's promise as
    // truthy and stops at once.
    const sent = async (id: number) => (await api.call('GET', `/api/submissions/${id}`)).body;
    for (const id of [caseySale.id, rileySale.id]) {
      const deadline = Date.now() + 90_000;
      while ((await sent(id)).status !== 'sent') {
        assert.ok(Date.now() < deadline, `submission ${id} was not sent in time`);
        await delay(250);
      }
    }
    assert.equal((await sent(caseySale.id)).attribution, 'own');
    assert.equal((await sent(rileySale.id)).attribution, 'facility');

    // The emulator's request log: who Metrc saw behind each receipt POST (never a key).
    const posts = world.metrc.emulator.control
      .requests({
        since,
        method: 'POST',
        license: CA.retailer,
        pathPrefix: '/ca/sales/v2/receipts',
      })
      .filter((r) => r.status !== null && r.status < 300);
    assert.deepEqual(
      posts.map((r) => r.userId).sort(), // the worker's order between them is its own
      ['ca-budtender', 'ca-owner'],
      "Casey's sale under her own key, Riley's under the facility key",
    );
    const log = JSON.stringify(world.metrc.emulator.control.requests({ since }));
    for (const who of ['ca-budtender', 'ca-owner'])
      assert.ok(!log.includes(world.metrc.userKey(who)), 'the log names people, never keys');

    // The console's Metrc Submissions page says the same in words.
    await page.goto('/submissions');
    const caseyRow = page.locator(`tr[data-submission="${caseySale.id}"]`);
    const rileyRow = page.locator(`tr[data-submission="${rileySale.id}"]`);
    await caseyRow.getByText('Casey Morgan').waitFor();
    await caseyRow.getByText('Own key (attributed)').waitFor();
    await rileyRow.getByText('Riley Chen').waitFor();
    await rileyRow.getByText('Facility key — not attributed').waitFor();
    await world.shot(page, 'submissions-casey-own-key-riley-not-attributed');
  });
});
