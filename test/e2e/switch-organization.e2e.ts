/**
 * A compliance manager who works for two companies switches between them in the header; each
 * page then shows only the chosen organization's licenses.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  apiAs,
  type ConsoleWorld,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  signIn,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

const skip = e2eSkipReason();

describe('Switching organization', { skip }, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('switch-organization');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('moves the person to the other organization and its licenses', {
    timeout: E2E_TIMEOUT_MS,
  }, async () => {
    const north = await world.newOrganization('North Shop');
    const south = await world.newOrganization('South Farm');
    const password = 'compliance manager passphrase';
    const { page } = await world.newPage();
    await signIn(page, {
      email: north.email,
      password: north.oneTimePassword,
      newPassword: password,
    });
    // South's admin (with their own password) adds North's admin as a manager, and a key.
    const southPassword = 'south farm admin passphrase';
    const first = await apiAs(world.url, south.email, south.oneTimePassword);
    await first.call('POST', '/api/auth/password', {
      currentPassword: south.oneTimePassword,
      newPassword: southPassword,
    });
    const southApi = await apiAs(world.url, south.email, southPassword);
    const added = await southApi.call('POST', '/api/users', {
      email: north.email,
      name: 'Pat Compliance',
      role: 'manager',
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const key = await southApi.call('POST', '/api/credentials', {
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.cultivator],
      apiKey: world.metrc.userKey('ca-owner'),
    });
    assert.equal(key.status, 201, JSON.stringify(key.body));

    await page.reload();
    const switcher = page.getByRole('textbox', { name: 'Organization' });
    await switcher.waitFor();
    await page.getByRole('main').getByText('North Shop', { exact: true }).waitFor();
    await world.shot(page, 'north-shop');
    await switcher.click();
    await page.getByRole('option', { name: 'South Farm (manager)' }).click();
    await page.locator(`[data-license="${CA.cultivator}"]`).waitFor();
    await page.getByRole('main').getByText('South Farm', { exact: true }).waitFor();
    // A manager sees Facility Management and Users, but no admin action.
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Add a person' }).count(), 0);
    await world.shot(page, 'south-farm-as-manager');
  });
});
