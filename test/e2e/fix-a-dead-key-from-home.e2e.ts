/**
 * The title story: a key is regenerated in Metrc, so the license stops syncing; the store
 * manager sees the red row and the banner with its reason, and fixes it from the banner in three
 * actions (open, paste, Verify & Save). (The queue draining afterwards is the outbox's flow.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  axeViolations,
  type ConsoleWorld,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  label,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

const skip = e2eSkipReason();

describe('A store manager fixes a dead key from the home page', { skip }, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('fix-a-dead-key-from-home');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('shows the stopped license and fixes it in three actions', {
    timeout: E2E_TIMEOUT_MS,
  }, async () => {
    const password = 'green leaf admin passphrase';
    const { page, api } = await world.signedInAdmin('Green Leaf Store', password);
    const saved = await api.call('POST', '/api/credentials', {
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: world.metrc.userKey('ca-owner'),
    });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));

    // "Generate" in Metrc: the old key dies at once; the next verification finds it.
    world.metrc.emulator.control.regenerateUserKey('ca-owner');
    const reverified = await api.call('POST', `/api/credentials/${saved.body.id}/verify`);
    assert.equal(reverified.body.status, 'invalid');

    await page.goto('/');
    const banner = page
      .getByRole('alert')
      .filter({ hasText: "We've stopped syncing with the state" });
    await banner.waitFor();
    assert.match(await banner.innerText(), new RegExp(CA.retailer));
    await page.locator(`[data-license="${CA.retailer}"][data-light="red"]`).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await world.shot(page, 'home-stopped-syncing');
    await page.goto('/facilities');
    await page.locator(`tr[data-license="${CA.retailer}"][data-invalid="true"]`).waitFor();
    await world.shot(page, 'facility-row-red');

    await page.goto('/');
    let actions = 0;
    await banner.getByRole('link', { name: 'Enter a new key' }).click();
    actions++;
    const dialog = page.getByRole('dialog', { name: 'Change the key' });
    await dialog.getByLabel(label('New Metrc API key')).fill(world.metrc.userKey('ca-owner'));
    actions++;
    await world.shot(page, 'new-key-dialog');
    await dialog.getByRole('button', { name: 'Verify & Save' }).click();
    actions++;
    await dialog.waitFor({ state: 'detached' });
    assert.ok(actions <= 4, `from the banner to the saved key in ${actions} actions`);

    await page.getByRole('link', { name: 'Home' }).click();
    await page.locator(`[data-license="${CA.retailer}"][data-light="green"]`).waitFor();
    assert.equal(await banner.count(), 0, 'the banner is gone');
    await world.shot(page, 'home-syncing-again');
  });
});
