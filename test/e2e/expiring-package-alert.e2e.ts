/**
 * Issue 9's browser story: a package that expires within days is pulled from Metrc by sync
 * ("refresh now" on the sync page), alerts are checked ("Check now" in the inbox), and the alert
 * shows in the inbox, with the count on the navigation, and links to the package, which the
 * inventory page shows as expiring soon. The new pages pass the axe scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  type ConsoleWorld,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  loaded,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

const skip = e2eSkipReason();
/** A first pull of a license walks every stream through the emulator; allow it on a busy machine. */
const SYNC_WAIT_MS = 120_000;

describe('An expiring package raises an alert seen in the inbox and on the inventory page', {
  skip,
}, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('expiring-package-alert');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('pulls, alerts, links to the package and shows it expiring', {
    timeout: E2E_TIMEOUT_MS + SYNC_WAIT_MS,
  }, async () => {
    const password = 'expiry dispensary admin passphrase';
    const { page, api } = await world.signedInAdmin('Expiry Dispensary', password);
    const saved = await api.call('POST', '/api/credentials', {
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: world.metrc.userKey('ca-owner'),
    });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));

    const problems: string[] = [];
    const scan = async (target: Page, name: string) => {
      for (const v of await axeViolations(target)) {
        problems.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      }
      await world.shot(target, name);
    };

    // 1. Sync: "Refresh now" on the license; the worker pulls it and the page follows.
    await page.getByRole('link', { name: 'Sync' }).click();
    const card = page.locator(`[data-license="${CA.retailer}"]`);
    await card.waitFor();
    await scan(page, 'sync-before-refresh');
    await card.getByRole('button', { name: `Refresh now for ${CA.retailer}` }).click();
    await page
      .locator(
        `[data-license="${CA.retailer}"][data-refresh-pending="false"] tr[data-stream^="packages"][data-has-records="true"]`,
      )
      .first()
      .waitFor({ timeout: SYNC_WAIT_MS });
    await scan(page, 'sync-after-refresh');

    // 2. Alerts: "Check now" evaluates every condition; the expiring package is raised.
    await page.getByRole('link', { name: /^Alerts/ }).click();
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Check now' }).click();
    const row = page.locator('tr[data-alert-kind="package_expiring"]').first();
    await row.waitFor();
    const subject = await row.getAttribute('data-subject');
    const tag = subject?.replace(/^package:/, '') ?? '';
    assert.ok(tag.length > 0, `the alert is about a package (${subject})`);
    assert.match(await row.innerText(), new RegExp(`Package ${tag} expires on`));
    const badge = page.getByTestId('nav-count-alerts');
    await badge.waitFor();
    assert.ok(Number.parseInt(await badge.innerText(), 10) >= 1, 'the navigation counts it');
    await loaded(page);
    await scan(page, 'alerts-inbox');

    // 3. The alert links to the package; the inventory page shows it as expiring soon.
    await row.getByRole('link', { name: `Package ${tag}` }).click();
    await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor();
    const pkg = page.locator(`tr[data-package="${tag}"]`);
    await pkg.waitFor();
    assert.match(await pkg.innerText(), /expiring soon|expired/i);
    await scan(page, 'inventory-the-package');

    const licenses = await api.call('GET', '/api/licenses');
    const license = licenses.body.licenses.find(
      (l: { number: string }) => l.number === CA.retailer,
    );
    await page.goto(`/inventory?view=expiring&license=${license.id}`);
    await page.locator(`tr[data-package="${tag}"]`).waitFor();
    await page
      .locator(`[data-summary="${CA.retailer}"]`)
      .getByText('Expiring within 30 days')
      .waitFor();
    await loaded(page);
    await scan(page, 'inventory-expiring-soon');

    // 4. Acknowledged: it stays open (it resolves when the package is gone) but is marked seen.
    await page.goto('/alerts');
    const again = page.locator(`tr[data-subject="package:${tag}"]`);
    await again.getByRole('button', { name: /^Acknowledge/ }).click();
    await again.getByText(/^Seen /).waitFor();
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await loaded(page);
    await scan(page, 'notifications');

    // 5. Notifications: e-mail for managers on expiring packages; a webhook endpoint whose signing
    // secret is shown once, rotated (a new one, shown once) and deleted after a confirmation.
    const email = page.getByRole('checkbox', { name: 'Package expiring: E-mail' });
    assert.equal(await email.isChecked(), false);
    await email.click();
    await page.getByRole('checkbox', { name: 'Package expiring: E-mail', checked: true }).waitFor();
    const prefs = await api.call('GET', '/api/alerts/preferences');
    assert.ok(
      prefs.body.preferences.some(
        (p: { role: string; kind: string; email: boolean }) =>
          p.role === 'manager' && p.kind === 'package_expiring' && p.email,
      ),
      'saved on the server',
    );
    const hook = 'https://hooks.example.com/tracegate';
    await page.getByLabel(/^Endpoint URL/).fill(hook);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = page.getByTestId('webhook-secret');
    const first = await secret.innerText();
    assert.match(first, /^whsec_/);
    await world.shot(page, 'webhook-secret-shown-once');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await secret.waitFor({ state: 'detached' });
    const endpoint = page.locator(`tr[data-endpoint="${hook}"]`);
    assert.ok(!(await endpoint.innerText()).includes(first), 'only the fingerprint afterwards');
    await endpoint.getByRole('button', { name: `Rotate secret: ${hook}` }).click();
    assert.notEqual(await secret.innerText(), first, 'rotating gives a new secret');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await endpoint.getByRole('button', { name: `Delete: ${hook}` }).click();
    await page.getByRole('dialog', { name: 'Delete endpoint?' }).waitFor();
    await world.shot(page, 'webhook-delete-confirmation');
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await endpoint.waitFor({ state: 'detached' });
    assert.equal((await api.call('GET', '/api/webhook-endpoints')).body.endpoints.length, 0);

    assert.deepEqual(problems, [], problems.join('\n'));
  });
});
