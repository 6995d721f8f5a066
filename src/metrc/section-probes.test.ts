import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { METRC_SECTIONS, sectionOfPath } from './metrc-sections.ts';
import { type ProbeOutcome, probeSections } from './section-probes.ts';
import { DEMO, type MetrcTestKit, startMetrcTestKit } from './testing/metrc-test-kit.ts';

const outcomes = (cells: { section: string; outcome: ProbeOutcome }[]) =>
  Object.fromEntries(cells.map((c) => [c.section, c.outcome]));

describe('section probes (Verify & Save), against the emulator', () => {
  let kit: MetrcTestKit;
  before(async () => {
    kit = await startMetrcTestKit();
  });
  after(() => kit.close());

  test('paths map to sections, longest prefix first', () => {
    assert.equal(sectionOfPath('/sales/v2/deliveries/active'), 'salesDeliveries');
    assert.equal(sectionOfPath('/sales/v2/receipts/external/A%2FB'), 'sales');
    assert.equal(sectionOfPath('/tags/v2/plant/available'), 'plantTags');
    assert.equal(sectionOfPath('/transfers/v2/templates/outgoing'), 'transferTemplates');
    assert.equal(sectionOfPath('/unitsofmeasure/v2/active'), undefined);
  });

  test('a retailer and a cultivator, owner key: granted, denied by license type, not offered in CA', async () => {
    const api = kit.api('ca-owner');
    kit.mark();
    const store = outcomes(await probeSections(api, { licenseNumber: DEMO.ca.retailer }));
    const seen = kit.requests();
    const listed = seen.map((r) => `${r.status ?? r.outcome} ${r.path}`).join(', ');
    // The client paces its GETs under Metrc's limits, but on a loaded machine requests granted
    // apart can still arrive together (seen in CI: one 429, then its retry). A 429 is Metrc
    // refusing before doing anything: what must hold is one answered GET per section, and at
    // most a stray refusal, retried.
    const refused = seen.filter((r) => r.status === 429);
    const answered = seen.filter((r) => r.status !== 429);
    assert.equal(answered.length, METRC_SECTIONS.length, `one answered GET per section: ${listed}`);
    assert.equal(new Set(answered.map((r) => r.path)).size, answered.length, listed);
    assert.ok(refused.length <= 2, `pacing keeps refusals rare: ${listed}`);
    for (const r of refused) {
      assert.ok(
        answered.some((a) => a.path === r.path),
        `a refused GET is retried: ${listed}`,
      );
    }
    for (const section of [
      'facilities',
      'employees',
      'items',
      'packages',
      'packageTags',
      'sales',
      'transfers',
    ]) {
      assert.equal(store[section], 'granted', section);
    }
    for (const section of ['plants', 'plantBatches', 'plantTags', 'harvests']) {
      assert.equal(store[section], 'denied', section);
    }
    for (const section of ['patients', 'processingJobs'])
      assert.equal(store[section], 'not-offered', section);

    const farm = outcomes(await probeSections(api, { licenseNumber: DEMO.ca.cultivator }));
    for (const section of ['plants', 'plantBatches', 'plantTags', 'harvests', 'packages']) {
      assert.equal(farm[section], 'granted', section);
    }
    assert.equal(farm.sales, 'denied');
  });

  test('a user without the Sales permissions shows exactly Sales missing', async () => {
    const { control } = kit.emulator;
    control.setEmployee({ license: DEMO.ca.retailer, userId: 'ca-manager', permissions: 'all' });
    const full = outcomes(
      await probeSections(kit.api('ca-manager'), { licenseNumber: DEMO.ca.retailer }),
    );
    control.setPermissions({
      license: DEMO.ca.retailer,
      userId: 'ca-manager',
      remove: ['View Sales', 'Manage Sales'],
    });
    const withoutSales = outcomes(
      await probeSections(kit.api('ca-manager'), { licenseNumber: DEMO.ca.retailer }),
    );
    const changed = METRC_SECTIONS.filter((s) => full[s] !== withoutSales[s]);
    assert.deepEqual(changed, ['sales']);
    assert.equal(withoutSales.sales, 'denied');
    assert.equal(full.sales, 'granted');
  });

  test('a failure other than 401/404 is reported as failed, with its error', async () => {
    const fault = kit.emulator.control.addFault({ kind: 'status', status: 501, path: '/items' });
    try {
      const [cell] = await probeSections(kit.api('ca-owner'), {
        licenseNumber: DEMO.ca.retailer,
        sections: ['items'],
      });
      assert.equal(cell?.outcome, 'failed');
      assert.equal(cell?.error?.code, 'METRC_SERVER_ERROR');
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
  });
});
