/**
 * Treez's Traceability Credentials: a manager adds a key for two licenses, one of which it does
 * not cover → refused, naming that license, nothing saved → fixes it → saved; then changes its
 * licenses, and deletes it after confirming.
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
  typeTags,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

const skip = e2eSkipReason();

describe('Treez: Verify & Save refuses an uncovered license, then saves, edits and deletes', {
  skip,
}, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('treez-verify-and-save');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('walks the whole flow in the browser', { timeout: E2E_TIMEOUT_MS }, async () => {
    const admin = await world.newOrganization('Treez Store');
    const newPassword = 'treez store admin passphrase';
    const { page } = await world.newPage();
    await signIn(page, { email: admin.email, password: admin.oneTimePassword, newPassword });
    const api = await apiAs(world.url, admin.email, newPassword);
    await world.shot(page, 'home-empty');

    await page.getByRole('link', { name: 'Traceability Credentials' }).click();
    await page.getByRole('link', { name: 'Add a key' }).click();
    await choose(page, 'State', 'California (CA)');
    await typeTags(page, 'License numbers', [CA.retailer, CA.cultivator]);
    await page.getByLabel(label('Metrc API key')).fill(world.metrc.userKey('ca-manager'));
    await world.shot(page, 'form-two-licenses');
    await page.getByRole('button', { name: 'Verify & Save' }).click();

    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), new RegExp(`does not cover ${CA.cultivator}`));
    assert.doesNotMatch(await refusal.innerText(), new RegExp(`cover.*${CA.retailer}`));
    await world.shot(page, 'refused-naming-license');
    assert.deepEqual((await api.call('GET', '/api/credentials')).body.credentials, []);

    // Fix: drop the uncovered license (the last tag) and try again.
    await page.getByRole('textbox', { name: label('License numbers') }).press('Backspace');
    await page.getByRole('button', { name: 'Verify & Save' }).click();
    await page.getByRole('heading', { name: /Facility key/ }).waitFor();
    const saved = (await api.call('GET', '/api/credentials')).body.credentials;
    assert.equal(saved.length, 1);
    assert.deepEqual(
      saved[0].licenses.map((l: { number: string }) => l.number),
      [CA.retailer],
    );
    const fingerprint = String(saved[0].fingerprint).replace(/^…/, '');
    assert.ok(
      !(await page.content()).includes(world.metrc.userKey('ca-manager')),
      'key never shown',
    );
    await page
      .locator(`[data-license="${CA.retailer}"] [data-section="packages"][data-status="granted"]`)
      .waitFor();
    await world.shot(page, 'saved-with-matrix');

    await page.getByRole('button', { name: 'Change licenses' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the licenses' });
    await typeTags(page, 'Other license numbers', [CA.microbusiness]);
    await world.shot(page, 'change-licenses');
    await dialog.getByRole('button', { name: 'Verify & Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${CA.microbusiness} ·`).first().waitFor();
    const edited = (await api.call('GET', `/api/credentials/${saved[0].id}`)).body;
    assert.deepEqual(
      edited.licenses.map((l: { number: string }) => l.number).sort(),
      [CA.retailer, CA.microbusiness].sort(),
    );
    await world.shot(page, 'licenses-changed');

    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this key?' });
    const deleteButton = confirm.getByRole('button', { name: 'Delete the key' });
    assert.equal(await deleteButton.isDisabled(), true, 'nothing is deleted before confirming');
    await confirm
      .getByLabel(label('Type the last four characters of the key to confirm'))
      .fill(fingerprint);
    await world.shot(page, 'delete-confirm');
    await deleteButton.click();
    await page.getByText('No key yet').waitFor();
    assert.deepEqual((await api.call('GET', '/api/credentials')).body.credentials, []);
    await world.shot(page, 'deleted');
  });
});
