/**
 * Metrc Submissions: a manager filters the log by user and status, fixes a failed sale by editing
 * its payload and retrying, and an admin releases a held one under the facility key. A staff
 * member, who may not list members, finds themselves in the User filter.
 * Failed: a receipt selling more than the package holds (Metrc's validation); held: a sale in
 * Colorado, which requires personal keys, by someone without one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret } from '../../src/lib/index.ts';
import { listActivePackages } from '../../src/metrc/index.ts';
import {
  axeViolations,
  type ConsoleWorld,
  E2E_TIMEOUT_MS,
  e2eSkipReason,
  signIn,
  startConsoleWorld,
} from '../helpers/console-e2e.ts';
import { CA } from '../helpers/credentials-fixture.ts';

const skip = e2eSkipReason();
const CO_RETAILER = '402R-00205';

describe('Metrc Submissions: filter, edit and retry, release', { skip }, () => {
  let world: ConsoleWorld;
  before(
    async () => {
      world = await startConsoleWorld('submissions-filter-retry-release');
    },
    { timeout: E2E_TIMEOUT_MS },
  );
  after(() => world?.close());

  it('filters by user and status, retries an edited failure, releases a held one', {
    timeout: E2E_TIMEOUT_MS,
  }, async () => {
    const password = 'submissions store admin passphrase';
    const { page, api } = await world.signedInAdmin('Submissions Store', password);
    for (const [state, license, owner] of [
      ['ca', CA.retailer, 'ca-owner'],
      ['co', CO_RETAILER, 'co-owner'],
    ] as const) {
      const saved = await api.call('POST', '/api/credentials', {
        state,
        kind: 'facility',
        licenseNumbers: [license],
        apiKey: world.metrc.userKey(owner),
      });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
    }
    const labelIn = async (state: 'ca' | 'co', license: string, owner: string) => {
      const metrc = world.metrc.client.forKeys({
        state,
        vendorKey: new Secret(world.metrc.vendorKey(state)),
        userKey: new Secret(world.metrc.userKey(owner)),
      });
      const found = (
        await listActivePackages(metrc, { licenseNumber: license, pageSize: 20, pageNumber: 1 })
      ).data.find((p) => (p.Quantity ?? 0) >= 10 && p.UnitOfMeasureName === 'Each')?.Label;
      assert.ok(found, `a package to sell from in ${license}`);
      return found;
    };
    const sale = (n: string, label: string, quantity: number) => ({
      kind: 'sales.receipt.create',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      payload: {
        externalNumber: n,
        lines: [{ packageLabel: label, quantity, unitOfMeasure: 'Each', totalAmount: 5 }],
      },
    });
    const caLabel = await labelIn('ca', CA.retailer, 'ca-owner');
    const coLabel = await labelIn('co', CO_RETAILER, 'co-owner');
    const bad = await api.call(
      'POST',
      `/api/licenses/${CA.retailer}/submissions`,
      sale(`E2E-${process.pid}-bad`, caLabel, 1_000_000),
    );
    assert.ok(bad.status < 300, JSON.stringify(bad.body));
    const held = await api.call(
      'POST',
      `/api/licenses/${CO_RETAILER}/submissions`,
      sale(`E2E-${process.pid}-co`, coLabel, 1),
    );
    assert.equal(held.body.status, 'held', JSON.stringify(held.body));

    // Filter by user (the admin sent both) and by status: the failed one, once Metrc refused it.
    await page.getByRole('link', { name: 'Metrc Submissions' }).click();
    await page.getByRole('heading', { name: 'Metrc Submissions', level: 1 }).waitFor();
    const me = (await api.call('GET', '/api/auth/session')).body;
    await page.goto(`/submissions?user=${me.user?.id ?? me.userId}`);
    await page.getByText('Failed', { exact: true }).click();
    const failedRow = page.locator(`tr[data-submission="${bad.body.id}"][data-status="failed"]`);
    await failedRow.waitFor({ timeout: 60_000 });
    assert.deepEqual(await axeViolations(page), []);
    await world.shot(page, 'failed-by-user');

    // Edit and retry: the quantity fixed to 1.
    await failedRow.getByRole('button', { name: /^Open/ }).click();
    const drawer = page.getByRole('dialog', { name: `Submission ${bad.body.id}` });
    await drawer.getByText("Metrc's answer").waitFor();
    await drawer.getByRole('button', { name: 'Edit and retry' }).click();
    const editor = drawer.getByLabel('Payload (JSON)');
    const edited = (await editor.inputValue()).replace('1000000', '1');
    await editor.fill('{ not json');
    await drawer.getByRole('button', { name: 'Retry with this payload' }).click();
    await drawer.getByText(/JSON/).first().waitFor();
    await editor.fill(edited);
    await world.shot(page, 'edit-and-retry');
    await drawer.getByRole('button', { name: 'Retry with this payload' }).click();
    await drawer
      .getByRole('button', { name: 'Retry with this payload' })
      .waitFor({ state: 'detached' });
    const retried = await api.call('GET', `/api/submissions/${bad.body.id}`);
    assert.notEqual(retried.body.status, 'failed', 'sent again');
    await page.keyboard.press('Escape');

    // Held: released by the admin under the facility key (not attributed).
    await page.getByText('Held', { exact: true }).click();
    const heldRow = page.locator(`tr[data-submission="${held.body.id}"]`);
    await heldRow.getByRole('button', { name: /^Open/ }).click();
    const heldDrawer = page.getByRole('dialog', { name: `Submission ${held.body.id}` });
    await heldDrawer.getByRole('button', { name: 'Release under the facility key' }).click();
    await heldDrawer
      .getByRole('button', { name: 'Release under the facility key' })
      .waitFor({ state: 'detached' });
    await world.shot(page, 'held-released');
    const released = await api.call('GET', `/api/submissions/${held.body.id}`);
    assert.notEqual(released.body.status, 'held');

    // Staff see the log too; they may not list members, so the User filter offers themselves.
    const email = 'sam@submissions-store.example';
    const added = await api.call('POST', '/api/users', { email, name: 'Sam Reyes', role: 'staff' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const { page: staffPage } = await world.newPage();
    await signIn(staffPage, {
      email,
      password: added.body.oneTimePassword,
      newPassword: 'sam reyes staff passphrase',
    });
    await staffPage.goto('/submissions');
    await staffPage.getByRole('heading', { name: 'Metrc Submissions', level: 1 }).waitFor();
    await staffPage.getByRole('textbox', { name: 'User' }).click();
    await staffPage.getByRole('option', { name: 'Sam Reyes (you)' }).waitFor();
    assert.deepEqual(await staffPage.getByRole('option').allInnerTexts(), ['Sam Reyes (you)']);
    await world.shot(staffPage, 'staff-user-filter');
  });
});
