/**
 * Facts 8–15 of "Top 15 facts an emulator must reproduce" (metrc-api.md), one test each, over
 * real HTTP; facts 1–7 are in metrc-facts.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningEmulator } from './index.ts';
import {
  callerFor,
  DEMO,
  type MetrcCaller,
  rows,
  startTestEmulator,
} from './testing/emulator-test-kit.ts';

let emulator: RunningEmulator;
let owner: MetrcCaller;
const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};

before(async () => {
  emulator = await startTestEmulator();
  owner = callerFor(emulator, 'ca-owner');
});
after(() => emulator.close());

async function sellablePackage(license: string) {
  const answer = await owner.get('/packages/v2/active', { licenseNumber: license, ...ALL_TIME });
  const pkg = rows(answer).find(
    (p) => p.UnitOfMeasureName === 'Each' && !p.IsOnHold && (p.Quantity as number) >= 5,
  );
  assert.ok(pkg, 'a sellable package');
  return pkg as { Id: number; Label: string; Quantity: number };
}

describe('Metrc facts 8–15: writes, limits, receipts, packages, grow sections, transfers', () => {
  test('8: writes are JSON arrays; failures are 0-based row errors and reject the whole request', async () => {
    const pkg = await sellablePackage(DEMO.caStore);
    const notArray = await owner.post(
      '/packages/v2/adjust',
      { Label: pkg.Label },
      { licenseNumber: DEMO.caStore },
    );
    assert.deepEqual(notArray.body, { Message: 'No data was submitted.' });
    const adjust = (quantity: number) => ({
      Label: pkg.Label,
      Quantity: quantity,
      UnitOfMeasure: 'Each',
      AdjustmentReason: 'Scale Variance',
      AdjustmentDate: '2026-01-01',
    });
    const answer = await owner.post('/packages/v2/adjust', [adjust(-1), adjust(-100000)], {
      licenseNumber: DEMO.caStore,
    });
    assert.equal(answer.status, 400);
    const errors = answer.body as { row: number; message: string }[];
    assert.deepEqual(Object.keys(errors[0] ?? {}), ['row', 'message']);
    assert.equal(errors[0]?.row, 1);
    const after = await owner.get(`/packages/v2/${pkg.Id}`, { licenseNumber: DEMO.caStore });
    assert.equal(
      (after.body as { Quantity: number }).Quantity,
      pkg.Quantity,
      'row 0 was not applied',
    );
  });

  test('9: successful writes answer {"Ids":[…],"Warnings":null} or an empty 200, switchably', async () => {
    const pkg = await sellablePackage(DEMO.caStore);
    const body = [{ Label: pkg.Label, Location: 'Vault', MoveDate: '2026-01-01' }];
    const ids = await owner.put('/packages/v2/location', body, { licenseNumber: DEMO.caStore });
    assert.deepEqual(ids.body, { Ids: [pkg.Id], Warnings: null });
    emulator.control.updateConfig({ writeResponse: 'empty' });
    try {
      const empty = await owner.put('/packages/v2/location', body, { licenseNumber: DEMO.caStore });
      assert.equal(empty.status, 200);
      assert.equal(empty.text, '');
    } finally {
      emulator.control.updateConfig({ writeResponse: 'ids' });
    }
  });

  test('10: GETs only are rate limited, with Metrc’s 429 message', async () => {
    // One token, refilled every 10 s: robust however slow the machine is.
    emulator.control.updateConfig({ limits: { licenseGetsPerSecond: 0.1, burstSeconds: 1 } });
    try {
      const query = { licenseNumber: DEMO.caCultivator };
      assert.equal((await owner.get('/strains/v2/inactive', query)).status, 200);
      const limited = await owner.get('/strains/v2/inactive', query);
      assert.equal(limited.status, 429);
      assert.match(
        (limited.body as { Message: string }).Message,
        /The limit of API calls allowed has been exceeded/,
      );
      const write = await owner.post(
        '/strains/v2',
        [{ Name: 'Fact Ten', IndicaPercentage: 50, SativaPercentage: 50 }],
        query,
      );
      assert.equal(write.status, 200, 'writes are not limited');
    } finally {
      emulator.control.updateConfig({ limits: { licenseGetsPerSecond: 50 } });
    }
  });

  test('11: a receipt takes facility-local SalesDateTime without a zone and draws the package down', async () => {
    const pkg = await sellablePackage(DEMO.caStore);
    const receipt = (salesDateTime: string) => [
      {
        SalesDateTime: salesDateTime,
        SalesCustomerType: 'Consumer',
        ExternalReceiptNumber: `F11-${salesDateTime}`,
        Transactions: [
          { PackageLabel: pkg.Label, Quantity: 2, UnitOfMeasure: 'Each', TotalAmount: 50 },
        ],
      },
    ];
    const zoned = await owner.post('/sales/v2/receipts', receipt('2026-01-05T10:00:00Z'), {
      licenseNumber: DEMO.caStore,
    });
    assert.equal(zoned.status, 400);
    const ok = await owner.post('/sales/v2/receipts', receipt('2026-01-05T10:00:00.000'), {
      licenseNumber: DEMO.caStore,
    });
    assert.equal(ok.status, 200);
    const after = (await owner.get(`/packages/v2/${pkg.Id}`, { licenseNumber: DEMO.caStore }))
      .body as { Quantity: number };
    assert.equal(after.Quantity, pkg.Quantity - 2);
    const [id] = (ok.body as { Ids: number[] }).Ids;
    const stored = (await owner.get(`/sales/v2/receipts/${id}`, { licenseNumber: DEMO.caStore }))
      .body as Record<string, unknown>;
    assert.equal(stored.SalesDateTime, '2026-01-05T10:00:00.000');
  });

  test('12: receipts — lines on /{id} only, lookup by external number, void, PUT with Id, finalize, no dedupe', async () => {
    const pkg = await sellablePackage(DEMO.caStore);
    const external = 'POS 12/A';
    const body = [
      {
        SalesDateTime: '2026-01-06T09:30:00',
        SalesCustomerType: 'Consumer',
        ExternalReceiptNumber: external,
        Transactions: [
          { PackageLabel: pkg.Label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 20 },
        ],
      },
    ];
    const q = { licenseNumber: DEMO.caStore };
    const first = ((await owner.post('/sales/v2/receipts', body, q)).body as { Ids: number[] })
      .Ids[0];
    const second = ((await owner.post('/sales/v2/receipts', body, q)).body as { Ids: number[] })
      .Ids[0];
    assert.notEqual(first, second, 'duplicate external numbers are accepted');
    const path = `/sales/v2/receipts/external/${encodeURIComponent(external)}`;
    // Metrc's documented shape: one receipt (the latest of the duplicates), with its lines.
    const found = (await owner.get(path, q)).body as { Id: number; Transactions: unknown[] };
    assert.equal(found.Id, second);
    assert.equal(found.Transactions.length, 1);
    // OM's envelope, as a per-state option, lists every match without lines.
    emulator.control.updateConfig({ externalReceiptLookup: { ca: 'envelope' } });
    try {
      const listed = await owner.get(path, q);
      assert.deepEqual(
        rows(listed)
          .map((r) => r.Id)
          .sort(),
        [first, second].sort(),
      );
      assert.deepEqual(rows(listed)[0]?.Transactions, []);
    } finally {
      emulator.control.updateConfig({ externalReceiptLookup: { ca: null } });
    }
    const detail = (await owner.get(`/sales/v2/receipts/${first}`, q)).body as {
      Transactions: unknown[];
    };
    assert.equal(detail.Transactions.length, 1);
    const noId = await owner.put('/sales/v2/receipts', body, q);
    assert.equal(noId.status, 400);
    const put = await owner.put('/sales/v2/receipts', [{ ...body[0], Id: first }], q);
    assert.equal(put.status, 200);
    assert.equal((await owner.put('/sales/v2/receipts/finalize', [{ Id: first }], q)).status, 200);
    assert.equal(
      (await owner.delete(`/sales/v2/receipts/${first}`, q)).status,
      400,
      'finalized: not voidable',
    );
    assert.equal(
      (await owner.put('/sales/v2/receipts/unfinalize', [{ Id: first }], q)).status,
      200,
    );
    assert.equal((await owner.delete(`/sales/v2/receipts/${second}`, q)).status, 200);
    const inactive = rows(await owner.get('/sales/v2/receipts/inactive', { ...q, ...ALL_TIME }));
    const voided = inactive.find((r) => r.Id === second);
    assert.ok(voided?.ArchivedDate, 'voided receipts are archived');
  });

  test('13: packages — merge from ingredients, unavailable tags, adjust with reasons, move, finish, unfinish, discontinue', async () => {
    const q = { licenseNumber: DEMO.caCultivator };
    const active = rows(await owner.get('/packages/v2/active', { ...q, ...ALL_TIME })).filter(
      (p) => p.UnitOfMeasureName === 'Grams' && !p.IsOnHold,
    ) as { Id: number; Label: string; Quantity: number; Item: { Name: string } }[];
    const [a, b] = active;
    assert.ok(a && b);
    const tags = (await owner.get('/tags/v2/package/available', q)).body as { Label: string }[];
    const tag = tags[0]?.Label ?? '';
    const merge = [
      {
        Tag: tag,
        Item: a.Item.Name,
        Quantity: 20,
        UnitOfMeasure: 'Grams',
        ActualDate: '2026-01-07',
        Ingredients: [
          { Package: a.Label, Quantity: 10, UnitOfMeasure: 'Grams' },
          { Package: b.Label, Quantity: 10, UnitOfMeasure: 'Grams' },
        ],
      },
    ];
    const created = await owner.post('/packages/v2', merge, q);
    assert.equal(created.status, 200, created.text);
    const again = await owner.post('/packages/v2', merge, q);
    assert.deepEqual(again.body, [{ row: 0, message: `Tag ${tag} is not available.` }]);
    const byLabel = (await owner.get(`/packages/v2/${tag}`, q)).body as {
      Id: number;
      SourcePackageCount: number;
    };
    assert.equal(byLabel.SourcePackageCount, 2);
    const byId = (await owner.get(`/packages/v2/${byLabel.Id}`, q)).body as { Label: string };
    assert.equal(byId.Label, tag);
    const reasons = rows(await owner.get('/packages/v2/adjust/reasons', q)).map((r) => r.Name);
    assert.ok(reasons.includes('Drying'));
    const drain = [
      {
        Label: tag,
        Quantity: -20,
        UnitOfMeasure: 'Grams',
        AdjustmentReason: 'Drying',
        AdjustmentDate: '2026-01-07',
      },
    ];
    assert.equal((await owner.post('/packages/v2/adjust', drain, q)).status, 200);
    assert.equal(
      (
        await owner.put(
          '/packages/v2/location',
          [{ Label: tag, Location: 'Vault', MoveDate: '2026-01-07' }],
          q,
        )
      ).status,
      200,
    );
    assert.equal(
      (await owner.put('/packages/v2/finish', [{ Label: tag, ActualDate: '2026-01-07' }], q))
        .status,
      200,
    );
    assert.equal((await owner.put('/packages/v2/unfinish', [{ Label: tag }], q)).status, 200);
    assert.equal((await owner.delete(`/packages/v2/${byLabel.Id}`, q)).status, 200);
    const gone = (await owner.get(`/packages/v2/${byLabel.Id}`, q)).body as {
      ArchivedDate: string | null;
    };
    assert.ok(gone.ArchivedDate);
  });

  test('14: plant and plant batch DELETEs take JSON bodies (waste method, reason, weight); grow writes are growers’ only', async () => {
    const q = { licenseNumber: DEMO.caCultivator };
    const [plant] = rows(await owner.get('/plants/v2/vegetative', { ...q, ...ALL_TIME }));
    const [batch] = rows(await owner.get('/plantbatches/v2/active', { ...q, ...ALL_TIME }));
    assert.ok(plant && batch);
    const waste = {
      WasteMethodName: 'Compost',
      WasteReasonName: 'Pests',
      ActualDate: '2026-01-07',
    };
    const destroyed = await owner.delete('/plants/v2', q, [
      { Id: plant.Id, ...waste, WasteWeight: 3.5, WasteUnitOfMeasureName: 'Grams' },
    ]);
    assert.deepEqual(destroyed.body, { Ids: [plant.Id], Warnings: null });
    assert.equal(
      ((await owner.get(`/plants/v2/${plant.Id}`, q)).body as { State: string }).State,
      'Destroyed',
    );
    const batchDestroyed = await owner.delete('/plantbatches/v2', q, [
      { PlantBatch: batch.Name, Count: 1, ...waste },
    ]);
    assert.equal(batchDestroyed.status, 200, batchDestroyed.text);
    const noBody = await owner.delete('/plantbatches/v2', q);
    assert.deepEqual(noBody.body, { Message: 'No data was submitted.' });
    // A store has no grow sections: its writes there are refused like its reads (401).
    const store = await owner.delete('/plants/v2', { licenseNumber: DEMO.caStore }, [
      { Id: plant.Id, ...waste, WasteWeight: 1, WasteUnitOfMeasureName: 'Grams' },
    ]);
    assert.equal(store.status, 401);
  });

  test('15: transfers are read-mostly, with zone-less estimates next to offset timestamps', async () => {
    const q = { licenseNumber: DEMO.caDistributor, ...ALL_TIME };
    const incoming = rows(await owner.get('/transfers/v2/incoming', q));
    const outgoing = rows(await owner.get('/transfers/v2/outgoing', q));
    assert.ok(incoming.length > 0 && outgoing.length > 0);
    const transfer = outgoing[0] as Record<string, string>;
    assert.match(
      transfer.EstimatedDepartureDateTime ?? '',
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/,
    );
    assert.match(transfer.CreatedDateTime ?? '', /[+-]\d{2}:\d{2}$/);
    // The drill-down takes no licenseNumber: transfer → deliveries → packages as shipped.
    const deliveries = rows(await owner.get(`/transfers/v2/${transfer.Id}/deliveries`));
    assert.ok(deliveries.length > 0);
    const shipped = rows(await owner.get(`/transfers/v2/deliveries/${deliveries[0]?.Id}/packages`));
    assert.ok(shipped.length > 0 && shipped.every((p) => typeof p.PackageLabel === 'string'));
    // No receive endpoint and no external outgoing: Metrc's 404, not flagged as unimplemented.
    for (const path of ['/transfers/v2/incoming/receive', '/transfers/v2/external/outgoing']) {
      const answer = await owner.post(path, [{}], { licenseNumber: DEMO.caDistributor });
      assert.equal(answer.status, 404, path);
      assert.match((answer.body as { Message: string }).Message, /No HTTP resource was found/);
      assert.equal(answer.headers.get('x-emulator-unimplemented'), null, path);
    }
    // Writes go through templates only.
    const templates = rows(
      await owner.get('/transfers/v2/templates/outgoing', {
        ...q,
        licenseNumber: DEMO.caDistributor,
      }),
    );
    const [template] = templates;
    assert.ok(template);
    const archived = await owner.delete(`/transfers/v2/templates/outgoing/${template.Id}`, {
      licenseNumber: DEMO.caDistributor,
    });
    assert.equal(archived.status, 200);
  });
});
