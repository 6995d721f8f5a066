/**
 * Outlaw-style key intake (rule 13): an admin adds a budtender and sends them a one-time link; the
 * budtender opens it on their own device (a fresh browser, no account), enters their own key, and
 * the link is spent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type ConsoleWorld,
  choose,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  label,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

const skip = e2eSkipReason();

describe('One-time link: sent by an admin, used once by the staff member', { skip }, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('one-time-key-link');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('saves the key through the link and spends it', { timeout: E2E_TIMEOUT_MS }, async () => {
    const password = 'outlaw shop admin passphrase';
    const { page, api } = await world.signedInAdmin('Outlaw Shop', password);
    const facility = await api.call('POST', '/api/credentials', {
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: world.metrc.userKey('ca-owner'),
    });
    assert.equal(facility.status, 201, JSON.stringify(facility.body));

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const add = page.getByRole('dialog', { name: 'Add a person' });
    await add.getByLabel(label('Name')).fill('Casey Morgan');
    await add.getByLabel(label('E-mail')).fill('casey@outlaw.example');
    await add.getByRole('button', { name: 'Add' }).click();
    await add.getByText('Casey Morgan was added').waitFor();
    await add.getByRole('button', { name: 'Done' }).click();
    const row = page.locator('tr[data-member="casey@outlaw.example"]');
    await row.getByText('not attributed').waitFor();
    await world.shot(page, 'casey-without-key');

    await row.getByRole('button', { name: 'Send one-time link' }).click();
    const send = page.getByRole('dialog', { name: 'One-time link for Casey Morgan' });
    await choose(page, 'State', 'California (CA)');
    await send.getByRole('button', { name: 'Create the link' }).click();
    const url = await send.getByTestId('intake-url').innerText();
    assert.match(url, /\/key\/tgk_/);
    await world.shot(page, 'link-created');
    await send.getByRole('button', { name: 'Close' }).click();

    // Casey, on another device: no cookies, no account.
    const casey = await world.newPage({ width: 390, height: 844 });
    await casey.page.goto(url);
    await casey.page.getByText('Outlaw Shop asks').waitFor();
    await world.shot(casey.page, 'casey-opens-link');
    await casey.page
      .getByLabel(label('Your Metrc API key'))
      .fill(world.metrc.userKey('ca-budtender'));
    await casey.page.getByRole('button', { name: 'Verify & Save' }).click();
    await casey.page.getByText('This link is now spent').waitFor();
    await world.shot(casey.page, 'casey-key-saved');

    await casey.page.reload();
    await casey.page.getByText('This link has already been used').waitFor();
    await world.shot(casey.page, 'link-spent');
    await casey.context.close();

    await page.reload();
    await page.locator('tr[data-member="casey@outlaw.example"]').getByText('Verified').waitFor();
    const keys = (await api.call('GET', '/api/credentials')).body.credentials;
    assert.equal(keys.filter((k: { kind: string }) => k.kind === 'user').length, 1);
    await world.shot(page, 'casey-verified');
  });
});
