import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  createTestApp,
  createTestLicense,
  createTestOrganization,
  type TestApp,
} from '../../test/helpers/test-app.ts';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { createSubmissionsRepo } from './submissions-repo.ts';

const at = '2026-11-27T10:00:00.000Z';
const label = (n: number) => `1A4000000000000000000${n}`;

describeEachDialect('submissions repo: insertMany', (ctx) => {
  let t: TestApp;
  let organizationId = 0;
  let licenseId = 0;
  let userId = 0;

  before(async () => {
    t = await createTestApp(ctx.database);
    const org = await createTestOrganization(t.services, 'Rows Co');
    organizationId = org.id;
    userId = org.admin.id;
    const license = await createTestLicense(t.services, org, 'C10-0000777-LIC');
    licenseId = license.id;
  });

  it('answers each row exactly as stored (defaults included), in the order given', async () => {
    const repo = createSubmissionsRepo(ctx.database.db, { dialect: ctx.database.dialect });
    const base = {
      organization_id: organizationId,
      license_id: licenseId,
      kind: 'sales.receipt.create',
      payload: '{"externalNumber":"A"}',
      occurred_at: at,
      next_attempt_at: at,
      created_at: at,
      updated_at: at,
    };
    const answered = await repo.insertMany([
      {
        ...base,
        reference: 'TG-ROWS-1',
        touches: JSON.stringify([`package:${label(1)}`, `package:${label(2)}`]),
        actor_user_id: userId,
        actor_token_id: 7,
        status: 'queued',
      },
      {
        ...base,
        reference: 'TG-ROWS-2',
        touches: '[]',
        status: 'held',
        hold_reason: 'PERSONAL_KEY_REQUIRED',
      },
    ]);
    assert.deepEqual(
      answered.map((row) => row.reference),
      ['TG-ROWS-1', 'TG-ROWS-2'],
    );
    for (const row of answered) {
      assert.deepEqual(row, await repo.find(organizationId, row.id));
    }
  });

  it('indexes the packages each inserted submission touches (the package ledger reads them)', async () => {
    const repo = createSubmissionsRepo(ctx.database.db, { dialect: ctx.database.dialect });
    const touching = await repo.touchingPackages(organizationId, [label(1), label(2)]);
    assert.deepEqual(
      touching.map((row) => row.kind),
      ['sales.receipt.create'],
    );
  });
});
