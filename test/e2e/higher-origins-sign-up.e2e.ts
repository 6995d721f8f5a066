/**
 * Higher Origins' know-your-customer sign-up: a grower signs up with their Metrc key; the console
 * shows the license type Metrc reported and only what that type can do (rule 11).
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

describe('Higher Origins: sign up with a Metrc key', { skip }, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('higher-origins-sign-up');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('shows the detected license type and hides what it cannot do', {
    timeout: E2E_TIMEOUT_MS,
  }, async () => {
    const { page } = await world.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign up with your Metrc key' }).click();
    await page.getByLabel(label('Organization')).fill('Higher Grounds Farm');
    await page.getByLabel(label('Your name')).fill('Taylor Kim');
    await page.getByLabel(label('E-mail')).fill('taylor@highergrounds.example');
    await page.getByLabel(label('Password')).fill('higher grounds passphrase');
    await choose(page, 'State', 'California (CA)');

    // A key Metrc refuses creates nothing, and says so.
    await page.getByLabel(label('Metrc API key')).fill('z'.repeat(48));
    await page.getByRole('button', { name: 'Verify key and sign up' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing was created' }).waitFor();
    await world.shot(page, 'refused-key');

    await page.getByLabel(label('Metrc API key')).fill(world.metrc.userKey('ca-grower'));
    await world.shot(page, 'sign-up-form');
    await page.getByRole('button', { name: 'Verify key and sign up' }).click();
    await page.getByRole('heading', { name: 'Welcome to Tracegate' }).waitFor();
    const type = page.locator(`[data-license="${CA.cultivator}"] [data-testid="license-type"]`);
    assert.equal(await type.textContent(), 'Adult-Use Cultivation');
    const capabilities = await page.getByTestId('capabilities').innerText();
    assert.match(capabilities, /Plants/);
    assert.match(capabilities, /Harvests/);
    assert.doesNotMatch(capabilities, /Sales/, 'a cultivator cannot sell');
    assert.doesNotMatch(capabilities, /Patients/);
    await world.shot(page, 'welcome-license-type');

    await page.getByRole('link', { name: 'Go to Home' }).click();
    await page.locator(`[data-license="${CA.cultivator}"][data-light="green"]`).waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /\bSales\b/);
    await world.shot(page, 'home-after-sign-up');
  });
});
