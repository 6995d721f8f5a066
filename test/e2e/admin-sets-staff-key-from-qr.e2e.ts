/**
 * Outlaw's user keys: an admin sets a staff member's own key from a screenshot of Metrc's QR code
 * (rule 13, decoded on the server); the staff member then shows as verified, and a colleague
 * without a key as not attributed. (Their sales under their own key are the outbox's flow.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import QRCode from 'qrcode';
import {
  apiAs,
  type ConsoleWorld,
  choose,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  signIn,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

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

  it('saves the key read from the picture, under that person', {
    timeout: E2E_TIMEOUT_MS,
  }, async () => {
    const admin = await world.newOrganization('Outlaw Dispensary');
    const password = 'outlaw dispensary passphrase';
    const { page } = await world.newPage();
    await signIn(page, {
      email: admin.email,
      password: admin.oneTimePassword,
      newPassword: password,
    });
    const api = await apiAs(world.url, admin.email, password);
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
    const screenshot = join(mkdtempSync(join(tmpdir(), 'tg-qr-')), 'metrc-key-qr.png');
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
  });
});
