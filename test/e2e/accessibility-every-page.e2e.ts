/**
 * Every page of the console passes an axe-core scan with no serious or critical violation, and the
 * pages a store manager uses on a phone (home, the credential form) are shot at 375 px wide.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  apiAs,
  axeViolations,
  type ConsoleWorld,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  loaded,
  signIn,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

const skip = e2eSkipReason();
/** Runs in the page: how wide its content is (wider than the window means sideways scrolling). */
const pageWidth = () =>
  (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
    .documentElement.scrollWidth;

describe('Accessibility of every page, and phone width', { skip }, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('accessibility-every-page');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('finds no serious or critical axe violation on any page', {
    timeout: E2E_TIMEOUT_MS,
  }, async () => {
    const admin = await world.newOrganization('Axe Dispensary');
    const password = 'axe dispensary admin passphrase';
    const { page } = await world.newPage();
    const problems: string[] = [];
    const scan = async (target: Page, name: string, ready: () => Promise<unknown>) => {
      await ready();
      for (const v of await axeViolations(target)) {
        problems.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      }
      await world.shot(target, name);
    };
    const heading = (target: Page, name: string | RegExp) =>
      target.getByRole('heading', { name, level: 1 }).waitFor();

    await page.goto('/sign-in');
    await scan(page, 'sign-in', () => heading(page, 'Sign in to Tracegate'));
    await page.goto('/sign-up');
    await scan(page, 'sign-up', () => heading(page, 'Sign up with your Metrc key'));
    await page.goto('/key/tgk_not-a-real-link-at-all');
    await scan(page, 'key-link-invalid', () => page.getByText('This link is not valid').waitFor());

    await page.goto('/sign-in');
    await page.getByLabel(/^E-mail/).fill(admin.email);
    await page.getByLabel(/^Password/).fill(admin.oneTimePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await scan(page, 'forced-password-change', () => heading(page, 'Choose your own password'));
    await page.getByLabel(/^One-time password/).fill(admin.oneTimePassword);
    await page.getByLabel(/^New password/).fill(password);
    await page.getByLabel(/^Repeat the new password/).fill(password);
    await page.getByRole('button', { name: 'Save password' }).click();
    await heading(page, 'Home');

    const api = await apiAs(world.url, admin.email, password);
    const saved = await api.call('POST', '/api/credentials', {
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer, CA.cultivator],
      apiKey: world.metrc.userKey('ca-owner'),
    });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    const staff = await api.call('POST', '/api/users', {
      email: 'riley@axe.example',
      name: 'Riley Chen',
      role: 'staff',
    });
    const link = await api.call('POST', '/api/intake-links', {
      userId: staff.body.user.id,
      state: 'ca',
    });

    const pages: Array<[string, string, string | RegExp]> = [
      ['/', 'home', 'Home'],
      ['/facilities', 'facility-management', 'Facility Management'],
      ['/credentials', 'credentials', 'Traceability Credentials'],
      ['/credentials/new', 'credential-form', 'Add a Metrc key'],
      [`/credentials/${saved.body.id}`, 'credential-detail', /Facility key/],
      ['/check-key', 'check-key', 'Check a key without saving it'],
      ['/users', 'users', 'Users'],
      ['/profile', 'profile', 'Your profile'],
      ['/welcome', 'welcome', 'Welcome to Tracegate'],
      ['/submissions', 'submissions', 'Metrc Submissions'],
      ['/alerts', 'alerts', 'Alerts'],
      ['/notifications', 'notifications', 'Notifications'],
      ['/sync', 'sync', 'Sync'],
      ['/inventory', 'inventory', 'Inventory'],
    ];
    for (const [path, name, title] of pages) {
      await page.goto(path);
      await scan(page, name, async () => {
        await heading(page, title);
        await loaded(page);
      });
    }
    await page.goto('/users');
    await page
      .locator('tr[data-member="riley@axe.example"]')
      .getByRole('button', { name: 'Set key' })
      .click();
    await scan(page, 'set-member-key-dialog', () => page.getByRole('dialog').waitFor());

    const { page: fresh, context } = await world.newPage();
    await fresh.goto(`/key/${link.body.token}`);
    await scan(fresh, 'key-link', () => fresh.getByText('asks').waitFor());
    await context.close();

    // Phone width: the store manager's home and the credential form at 375 px.
    const phone = await world.newPage({ width: 375, height: 812 });
    await signIn(phone.page, { email: admin.email, password });
    await scan(phone.page, 'home-375px', () =>
      phone.page.locator(`[data-license="${CA.retailer}"]`).waitFor(),
    );
    const width = await phone.page.evaluate(pageWidth);
    assert.ok(width <= 375, `home fits 375 px without sideways scrolling (was ${width})`);
    await phone.page.goto('/credentials/new');
    await scan(phone.page, 'credential-form-375px', () => heading(phone.page, 'Add a Metrc key'));
    const formWidth = await phone.page.evaluate(pageWidth);
    assert.ok(formWidth <= 375, `the form fits 375 px (was ${formWidth})`);
    for (const [path, name, title] of [
      ['/alerts', 'alerts-375px', 'Alerts'],
      ['/inventory', 'inventory-375px', 'Inventory'],
      ['/sync', 'sync-375px', 'Sync'],
    ] as const) {
      await phone.page.goto(path);
      await scan(phone.page, name, async () => {
        await heading(phone.page, title);
        await loaded(phone.page);
      });
      const wide = await phone.page.evaluate(pageWidth);
      assert.ok(wide <= 375, `${path} fits 375 px (was ${wide})`);
    }
    await phone.page.getByRole('button', { name: 'Open navigation' }).click();
    await scan(phone.page, 'navigation-375px', () =>
      phone.page.getByRole('link', { name: 'Traceability Credentials' }).waitFor(),
    );
    await phone.context.close();

    assert.deepEqual(problems, [], problems.join('\n'));
  });
});
