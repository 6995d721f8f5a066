/**
 * Test support for contract.test.ts: plants, plant batches, harvests, transfers, lab tests and
 * adjustments. Reads first, then writes, each building on the one before.
 */
import assert from 'node:assert/strict';
import type { Call, ContractCallers } from './contract-cases.ts';
import { DEMO, rows } from './emulator-test-kit.ts';

const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};

export async function buildGrowTransferCalls({ ca }: ContractCallers): Promise<[string, Call][]> {
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

  const plants = rows(await ca.get('/plants/v2/vegetative', { ...farm, ...ALL_TIME })) as {
    Id: number;
    Label: string;
  }[];
  const flowering = rows(await ca.get('/plants/v2/flowering', { ...farm, ...ALL_TIME })) as {
    Label: string;
  }[];
  const plantTags = (await ca.get('/tags/v2/plant/available', farm)).body as { Label: string }[];
  const packageTags = (await ca.get('/tags/v2/package/available', farm)).body as {
    Label: string;
  }[];
  const strain = rows(await ca.get('/strains/v2/active', { ...farm, ...ALL_TIME }))[0] as {
    Name: string;
  };
  const item = rows(await ca.get('/items/v2/active', { ...farm, ...ALL_TIME })).find(
    (i) => i.QuantityType === 'WeightBased',
  ) as { Name: string };
  const lab = { licenseNumber: DEMO.caLab };
  const atLab = rows(await ca.get('/packages/v2/active', { ...lab, ...ALL_TIME }))[0] as {
    Label: string;
  };
  let tested = 0;
  for (const pkg of rows(await ca.get('/packages/v2/active', { ...farm, ...ALL_TIME }))) {
    const answer = await ca.get('/labtests/v2/results', { ...farm, packageId: pkg.Id as number });
    if (rows(answer).length > 0) {
      tested = pkg.Id as number;
      break;
    }
  }
  const shipping = rows(await ca.get('/packages/v2/active', { ...distributor, ...ALL_TIME }))
    .filter((p) => !p.IsOnHold)
    .map((p) => p.Label as string);
  const templateRow = (extra: Record<string, unknown> = {}) => ({
    Name: 'Contract run',
    TransporterFacilityLicenseNumber: DEMO.caTransporter,
    DriverName: 'Dana Brooks',
    Destinations: [
      {
        RecipientLicenseNumber: DEMO.caStore,
        TransferTypeName: 'Transfer',
        PlannedRoute: 'Highway 1',
        EstimatedDepartureDateTime: '2026-01-12T08:00:00',
        EstimatedArrivalDateTime: '2026-01-12T11:30:00',
        Transporters: [{ TransporterFacilityLicenseNumber: DEMO.caTransporter }],
        Packages: shipping.slice(0, 1).map((label) => ({ PackageLabel: label })),
      },
    ],
    ...extra,
  });
  let newTemplate = 0;
  const [moved, phased, destroyed] = plants;
  const [whole, manicured] = flowering;
  assert.ok(moved && phased && destroyed && whole && manicured && plantTags[0] && item && strain);
  assert.ok(atLab && tested && shipping[0]);
  const date = { ActualDate: '2026-01-09' };

  return [
    ['get_plantbatches_v2_id', () => ca.get(`/plantbatches/v2/${batch.Id}`, farm)],
    ['get_harvests_v2_id', () => ca.get(`/harvests/v2/${harvest.Id}`, farm)],
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
    [
      'get_labtests_v2_results',
      () => ca.get('/labtests/v2/results', { ...farm, packageId: tested }),
    ],
    [
      'get_packages_v2_adjustments',
      () => ca.get('/packages/v2/adjustments', { licenseNumber: DEMO.caStore }),
    ],
    // Writes.
    [
      'post_labtests_v2_record',
      () =>
        ca.post(
          '/labtests/v2/record',
          [
            {
              Label: atLab.Label,
              ResultDate: date.ActualDate,
              DocumentFileName: 'coa.pdf',
              DocumentFileBase64: null,
              Results: [{ LabTestTypeName: 'THC', Quantity: 19.2, Passed: true, Notes: '' }],
            },
          ],
          lab,
        ),
    ],
    [
      'post_transfers_v2_templates_outgoing',
      async () => {
        const answer = await ca.post(
          '/transfers/v2/templates/outgoing',
          [templateRow()],
          distributor,
        );
        newTemplate = (answer.body as { Ids: number[] }).Ids[0] ?? 0;
        return answer;
      },
    ],
    [
      'put_transfers_v2_templates_outgoing',
      () =>
        ca.put(
          '/transfers/v2/templates/outgoing',
          [templateRow({ TransferTemplateId: newTemplate, Name: 'Contract run v2' })],
          distributor,
        ),
    ],
    [
      'delete_transfers_v2_templates_outgoing_id',
      () => ca.delete(`/transfers/v2/templates/outgoing/${newTemplate}`, distributor),
    ],
    [
      'put_plants_v2_location',
      () =>
        ca.put('/plants/v2/location', [{ Id: moved.Id, Location: 'Flower Room', ...date }], farm),
    ],
    [
      'put_plants_v2_growthphase',
      () =>
        ca.put(
          '/plants/v2/growthphase',
          [
            {
              Label: phased.Label,
              NewTag: plantTags[0]?.Label,
              GrowthPhase: 'Flowering',
              NewLocation: 'Flower Room',
              GrowthDate: date.ActualDate,
            },
          ],
          farm,
        ),
    ],
    [
      'put_plants_v2_harvest',
      () =>
        ca.put(
          '/plants/v2/harvest',
          [
            {
              Plant: whole.Label,
              Weight: 500,
              UnitOfWeight: 'Grams',
              DryingLocation: 'Dry Room',
              HarvestName: null,
              ...date,
            },
          ],
          farm,
        ),
    ],
    [
      'post_plants_v2_manicure',
      () =>
        ca.post(
          '/plants/v2/manicure',
          [
            {
              Plant: manicured.Label,
              Weight: 25,
              UnitOfWeight: 'Grams',
              DryingLocation: 'Dry Room',
              PlantCount: 1,
              ...date,
            },
          ],
          farm,
        ),
    ],
    [
      'delete_plants_v2',
      () =>
        ca.delete('/plants/v2', farm, [
          {
            Id: destroyed.Id,
            WasteMethodName: 'Compost',
            WasteMaterialMixed: 'Soil',
            WasteWeight: 12.5,
            WasteUnitOfMeasureName: 'Grams',
            WasteReasonName: 'Pests',
            ReasonNote: null,
            ...date,
          },
        ]),
    ],
    [
      'post_plantbatches_v2_plantings',
      () =>
        ca.post(
          '/plantbatches/v2/plantings',
          [
            {
              Name: 'Contract Clones',
              Type: 'Clone',
              Count: 12,
              Strain: strain.Name,
              Location: 'Veg Room',
              ...date,
            },
          ],
          farm,
        ),
    ],
    [
      'delete_plantbatches_v2',
      () =>
        ca.delete('/plantbatches/v2', farm, [
          {
            PlantBatch: 'Contract Clones',
            Count: 2,
            WasteMethodName: 'Grinder',
            WasteReasonName: 'Male Plants',
            WasteWeight: 0.5,
            WasteUnitOfMeasure: 'Grams',
            ...date,
          },
        ]),
    ],
    [
      'post_harvests_v2_waste',
      () =>
        ca.post(
          '/harvests/v2/waste',
          [
            {
              Id: harvest.Id,
              WasteType: 'Plant Material',
              UnitOfWeight: 'Grams',
              WasteWeight: 40,
              ...date,
            },
          ],
          farm,
        ),
    ],
    [
      'get_harvests_v2_waste',
      () => ca.get('/harvests/v2/waste', { ...farm, harvestId: harvest.Id }),
    ],
    [
      'post_harvests_v2_packages',
      () =>
        ca.post(
          '/harvests/v2/packages',
          [
            {
              Tag: packageTags[0]?.Label,
              Location: 'Vault',
              Item: item.Name,
              UnitOfWeight: 'Grams',
              ...date,
              Ingredients: [{ HarvestId: harvest.Id, Weight: 454, UnitOfWeight: 'Grams' }],
            },
          ],
          farm,
        ),
    ],
    [
      'put_harvests_v2_finish',
      () => ca.put('/harvests/v2/finish', [{ Id: harvest.Id, ...date }], farm),
    ],
    ['put_harvests_v2_unfinish', () => ca.put('/harvests/v2/unfinish', [{ Id: harvest.Id }], farm)],
  ];
}
