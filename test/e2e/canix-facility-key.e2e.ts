/**
 * Canix's Facility Management: an admin ticks a cultivator, a retailer and a distributor and
 * applies one facility key to them → green checks everywhere the license type has the section, and "not expected"
 * exactly where it does not (a cultivator sells nothing, a distributor grows nothing).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  apiAs,
  type ConsoleWorld,
  choose,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  label,
  signIn,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

const skip = e2eSkipReason();

describe('Canix: one facility key for three license types', { skip }, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('canix-facility-key');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('shows green checks with the expected not-expected cells', {
    timeout: E2E_TIMEOUT_MS,
  }, async () => {
    const admin = await world.newOrganization('Canix Farms');
    const { page } = await world.newPage();
    await signIn(page, {
      email: admin.email,
      password: admin.oneTimePassword,
      newPassword: 'canix farms admin passphrase',
    });
    // The licenses are listed (as a Canix user finds them), none with a facility key yet.
    const api = await apiAs(world.url, admin.email, 'canix farms admin passphrase');
    for (const [number, licenseType] of [
      [CA.cultivator, 'Cultivator'],
      [CA.retailer, 'Retailer'],
      [CA.distributor, 'Distributor'],
    ] as const) {
      const added = await api.call('POST', '/api/licenses', {
        number,
        state: 'ca',
        licenseType,
        name: `Canix ${licenseType}`,
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));
    }
    await page.getByRole('link', { name: 'Facility Management' }).click();
    for (const license of [CA.cultivator, CA.retailer, CA.distributor]) {
      await page.getByRole('checkbox', { name: `Pick ${license}` }).check();
    }
    await page.getByLabel(label('Metrc API key')).fill(world.metrc.userKey('ca-owner'));
    await world.shot(page, 'one-key-three-ticked-licenses');
    await page.getByRole('button', { name: 'Verify & Save' }).click();
    await page.getByText('Saved. The ticked licenses sync with this key.').waitFor();
    for (const license of [CA.cultivator, CA.retailer, CA.distributor]) {
      const row = page.locator(`tr[data-license="${license}"]`);
      await row.getByText('Verified').waitFor();
      assert.equal(await row.getAttribute('data-invalid'), null, `${license} is not red`);
    }
    await world.shot(page, 'facility-management-green');
    await page.locator(`tr[data-license="${CA.cultivator}"] a`).click();
    await page.getByRole('heading', { name: /Facility key/ }).waitFor();

    const cells = async (license: string, status: string) =>
      (
        await page
          .locator(`[data-license="${license}"] [data-status="${status}"]`)
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-section')))
      ).sort();
    for (const license of [CA.cultivator, CA.retailer, CA.distributor]) {
      assert.deepEqual(await cells(license, 'missing_permission'), [], `${license}: all granted`);
      assert.ok((await cells(license, 'granted')).includes('packages'), `${license} packages`);
    }
    assert.ok(
      (await cells(CA.cultivator, 'not_expected')).includes('sales'),
      'cultivator sells nothing',
    );
    assert.ok((await cells(CA.cultivator, 'granted')).includes('plants'), 'cultivator grows');
    assert.ok(
      (await cells(CA.distributor, 'not_expected')).includes('plants'),
      'distributor grows nothing',
    );
    assert.ok(
      (await cells(CA.retailer, 'not_expected')).includes('plants'),
      'retailer grows nothing',
    );
    assert.ok((await cells(CA.retailer, 'granted')).includes('sales'), 'retailer sells');
    await world.shot(page, 'green-checks-matrix');

    // Canix's trap: checking another person's key must never replace the facility key.
    const before = (await api.call('GET', '/api/credentials')).body.credentials;
    await page.getByRole('link', { name: 'Check a key' }).click();
    await choose(page, 'State', 'California (CA)');
    await page.getByRole('checkbox', { name: new RegExp(CA.retailer) }).check();
    await page.getByLabel(label('Metrc API key')).fill(world.metrc.userKey('ca-manager'));
    await page.getByRole('button', { name: 'Check the key' }).click();
    await page.getByRole('status').filter({ hasText: 'Checked; nothing was saved' }).waitFor();
    await page
      .locator(
        `[data-license="${CA.retailer}"] [data-section="sales"][data-status="missing_permission"]`,
      )
      .waitFor();
    await world.shot(page, 'check-without-saving');
    assert.deepEqual((await api.call('GET', '/api/credentials')).body.credentials, before);
  });
});
