/**
 * Test support for contract.test.ts, milestone 2: plants, plant batches, harvests, transfers,
 * lab tests and adjustments. Reads first, then writes, each building on the one before.
 */
import assert from 'node:assert/strict';
import type { Call, ContractCallers } from './contract-cases.ts';
import { DEMO, rows } from './emulator-test-kit.ts';

const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};

export async function buildMilestone2Calls({ ca }: ContractCallers): Promise<[string, Call][]> {
  const farm = { licenseNumber: DEMO.caCultivator };
  const distributor = { licenseNumber: DEMO.caDistributor };
  const batch = rows(await ca.get('/plantbatches/v2/active', { ...farm, ...ALL_TIME }))[0] as {
    Id: number;
  };
  const harvest = rows(await ca.get('/harvests/v2/active', { ...farm, ...ALL_TIME }))[0] as {
    Id: number;
  };
  const transfer = rows(await ca.get('/transfers/v2/outgoing', { ...farm, ...ALL_TIME }))[0] as {
    Id: number;
    DeliveryId: number;
  };
  const template = rows(
    await ca.get('/transfers/v2/templates/outgoing', { ...distributor, ...ALL_TIME }),
  )[0] as { Id: number; DeliveryId: number };
  assert.ok(batch && harvest && transfer && template);

  return [
    ['get_plantbatches_v2_id', () => ca.get(`/plantbatches/v2/${batch.Id}`, farm)],
    ['get_harvests_v2_id', () => ca.get(`/harvests/v2/${harvest.Id}`, farm)],
    [
      'get_harvests_v2_waste',
      () => ca.get('/harvests/v2/waste', { ...farm, harvestId: harvest.Id }),
    ],
    ['get_transfers_v2_id_deliveries', () => ca.get(`/transfers/v2/${transfer.Id}/deliveries`)],
    [
      'get_transfers_v2_deliveries_id_packages',
      () => ca.get(`/transfers/v2/deliveries/${transfer.DeliveryId}/packages`),
    ],
    [
      'get_transfers_v2_templates_outgoing_id_deliveries',
      () => ca.get(`/transfers/v2/templates/outgoing/${template.Id}/deliveries`),
    ],
    [
      'get_transfers_v2_templates_outgoing_deliveries_id_packages',
      () => ca.get(`/transfers/v2/templates/outgoing/deliveries/${template.DeliveryId}/packages`),
    ],
    [
      'get_transfers_v2_deliveries_packages_states',
      () => ca.get('/transfers/v2/deliveries/packages/states'),
    ],
  ];
}
