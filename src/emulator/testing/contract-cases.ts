/**
 * Test support for contract.test.ts: how to call each implemented operation with arguments that
 * succeed against the demo scenario. Writes come last, each building on the one before.
 */
import assert from 'node:assert/strict';
import { DEMO, type HttpAnswer, type MetrcCaller, rows } from './emulator-test-kit.ts';

const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};

export type Call = () => Promise<HttpAnswer>;

export interface ContractCallers {
  ca: MetrcCaller;
  co: MetrcCaller;
  nv: MetrcCaller;
  nvLicense: string;
  /** A window of the last day, for v1 lists. */
  day: { lastModifiedStart: string; lastModifiedEnd: string };
}

/** How to call each implemented operation with arguments that succeed. */
export async function buildContractCalls({
  ca,
  co,
  nv,
  nvLicense,
  day: DAY,
}: ContractCallers): Promise<Map<string, Call>> {
  const store = { licenseNumber: DEMO.caStore };
  const farm = { licenseNumber: DEMO.caCultivator };
  const pkgs = rows(await ca.get('/packages/v2/active', { ...store, ...ALL_TIME })) as {
    Id: number;
    Label: string;
    UnitOfMeasureName: string;
    IsOnHold: boolean;
    Quantity: number;
  }[];
  const each = pkgs.filter((p) => p.UnitOfMeasureName === 'Each' && !p.IsOnHold && p.Quantity > 10);
  const [sold, moved] = each;
  const item = rows(await ca.get('/items/v2/active', { ...store, ...ALL_TIME }))[0] as {
    Id: number;
  };
  const strain = rows(await ca.get('/strains/v2/active', { ...store, ...ALL_TIME }))[0] as {
    Id: number;
  };
  const location = rows(await ca.get('/locations/v2/active', { ...store, ...ALL_TIME }))[0] as {
    Id: number;
  };
  const receipt = rows(await ca.get('/sales/v2/receipts/active', { ...store, ...ALL_TIME })).find(
    (r) => r.ExternalReceiptNumber,
  ) as {
    Id: number;
    ExternalReceiptNumber: string;
  };
  const plant = rows(await ca.get('/plants/v2/vegetative', { ...farm, ...ALL_TIME }))[0] as {
    Id: number;
    Label: string;
  };
  const tags = (await ca.get('/tags/v2/package/available', store)).body as { Label: string }[];
  const employee = (await ca.get('/employees/v2', store)).body as {
    Data: { License: { EmployeeLicenseNumber: string } }[];
  };
  assert.ok(sold && moved && item && strain && location && receipt && plant && tags[0]);
  const sale = (extra: Record<string, unknown> = {}) => [
    {
      SalesDateTime: '2026-01-08T14:05:00.000',
      SalesCustomerType: 'Consumer',
      ExternalReceiptNumber: 'CONTRACT-1',
      Transactions: [
        { PackageLabel: sold.Label, Quantity: 1, UnitOfMeasure: 'Each', TotalAmount: 30 },
      ],
      ...extra,
    },
  ];
  let newReceipt = 0;
  let newPackage = 0;
  const calls: [string, Call][] = [
    ['get_facilities_v2', () => ca.get('/facilities/v2')],
    ['get_facilities_v1', () => ca.get('/facilities/v1')],
    ['get_employees_v2', () => ca.get('/employees/v2', store)],
    ['get_employees_v1', () => ca.get('/employees/v1', store)],
    [
      'get_employees_v2_permissions',
      () =>
        ca.get('/employees/v2/permissions', {
          ...store,
          employeeLicenseNumber: employee.Data[0]?.License.EmployeeLicenseNumber,
        }),
    ],
    ['get_unitsofmeasure_v2_active', () => ca.get('/unitsofmeasure/v2/active')],
    ['get_unitsofmeasure_v2_inactive', () => ca.get('/unitsofmeasure/v2/inactive')],
    ['get_unitsofmeasure_v1_active', () => ca.get('/unitsofmeasure/v1/active')],
    ['get_packages_v2_types', () => ca.get('/packages/v2/types')],
    ['get_sales_v2_customertypes', () => ca.get('/sales/v2/customertypes')],
    ['get_labtests_v2_states', () => ca.get('/labtests/v2/states')],
    ['get_plants_v2_growthphases', () => ca.get('/plants/v2/growthphases', farm)],
    ['get_labtests_v2_types', () => ca.get('/labtests/v2/types')],
    ['get_items_v2_categories', () => ca.get('/items/v2/categories', store)],
    ['get_locations_v2_types', () => ca.get('/locations/v2/types', store)],
    ['get_packages_v2_adjust_reasons', () => ca.get('/packages/v2/adjust/reasons', store)],
    ['get_transfers_v2_types', () => ca.get('/transfers/v2/types', store)],
    ['get_plants_v2_waste_reasons', () => ca.get('/plants/v2/waste/reasons', farm)],
    ['get_plantbatches_v2_waste_reasons', () => ca.get('/plantbatches/v2/waste/reasons', farm)],
    ['get_plants_v2_waste_methods_all', () => ca.get('/plants/v2/waste/methods/all')],
    ['get_plantbatches_v2_types', () => ca.get('/plantbatches/v2/types')],
    ['get_harvests_v2_waste_types', () => ca.get('/harvests/v2/waste/types')],
    ['get_items_v2_active', () => ca.get('/items/v2/active', { ...store, ...ALL_TIME })],
    ['get_items_v2_inactive', () => ca.get('/items/v2/inactive', store)],
    ['get_items_v1_active', () => ca.get('/items/v1/active', store)],
    ['get_items_v2_id', () => ca.get(`/items/v2/${item.Id}`, store)],
    ['get_strains_v2_active', () => ca.get('/strains/v2/active', { ...store, ...ALL_TIME })],
    ['get_strains_v2_inactive', () => ca.get('/strains/v2/inactive', store)],
    ['get_strains_v1_active', () => ca.get('/strains/v1/active', store)],
    ['get_strains_v2_id', () => ca.get(`/strains/v2/${strain.Id}`, store)],
    ['get_locations_v2_active', () => ca.get('/locations/v2/active', { ...store, ...ALL_TIME })],
    ['get_locations_v2_inactive', () => ca.get('/locations/v2/inactive', store)],
    ['get_locations_v1_active', () => ca.get('/locations/v1/active', store)],
    ['get_locations_v2_id', () => ca.get(`/locations/v2/${location.Id}`, store)],
    ['get_tags_v2_package_available', () => ca.get('/tags/v2/package/available', store)],
    ['get_tags_v2_plant_available', () => ca.get('/tags/v2/plant/available', farm)],
    ['get_packages_v2_active', () => ca.get('/packages/v2/active', { ...store, ...ALL_TIME })],
    ['get_packages_v2_onhold', () => ca.get('/packages/v2/onhold', { ...store, ...ALL_TIME })],
    ['get_packages_v2_inactive', () => ca.get('/packages/v2/inactive', { ...store, ...ALL_TIME })],
    ['get_packages_v1_active', () => ca.get('/packages/v1/active', { ...store, ...DAY })],
    ['get_packages_v1_onhold', () => ca.get('/packages/v1/onhold', { ...store, ...DAY })],
    ['get_packages_v1_inactive', () => ca.get('/packages/v1/inactive', { ...store, ...DAY })],
    ['get_packages_v2_id', () => ca.get(`/packages/v2/${sold.Id}`, store)],
    ['get_packages_v2_label', () => ca.get(`/packages/v2/${sold.Label}`, store)],
    [
      'get_sales_v2_receipts_active',
      () => ca.get('/sales/v2/receipts/active', { ...store, ...ALL_TIME }),
    ],
    [
      'get_sales_v2_receipts_inactive',
      () => ca.get('/sales/v2/receipts/inactive', { ...store, ...ALL_TIME }),
    ],
    [
      'get_sales_v1_receipts_active',
      () => ca.get('/sales/v1/receipts/active', { ...store, ...DAY }),
    ],
    [
      'get_sales_v1_receipts_inactive',
      () => ca.get('/sales/v1/receipts/inactive', { ...store, ...DAY }),
    ],
    ['get_sales_v2_receipts_id', () => ca.get(`/sales/v2/receipts/${receipt.Id}`, store)],
    [
      'get_sales_v2_receipts_external_externalNumber',
      () =>
        ca.get(
          `/sales/v2/receipts/external/${encodeURIComponent(receipt.ExternalReceiptNumber)}`,
          store,
        ),
    ],
    ['get_plants_v2_vegetative', () => ca.get('/plants/v2/vegetative', { ...farm, ...ALL_TIME })],
    ['get_plants_v2_flowering', () => ca.get('/plants/v2/flowering', { ...farm, ...ALL_TIME })],
    ['get_plants_v2_onhold', () => ca.get('/plants/v2/onhold', { ...farm, ...ALL_TIME })],
    ['get_plants_v2_inactive', () => ca.get('/plants/v2/inactive', { ...farm, ...ALL_TIME })],
    ['get_plants_v2_id', () => ca.get(`/plants/v2/${plant.Id}`, farm)],
    ['get_plants_v2_label', () => ca.get(`/plants/v2/${plant.Label}`, farm)],
    [
      'get_plantbatches_v2_active',
      () => ca.get('/plantbatches/v2/active', { ...farm, ...ALL_TIME }),
    ],
    [
      'get_plantbatches_v2_inactive',
      () => ca.get('/plantbatches/v2/inactive', { ...farm, ...ALL_TIME }),
    ],
    ['get_harvests_v2_active', () => ca.get('/harvests/v2/active', { ...farm, ...ALL_TIME })],
    ['get_harvests_v2_inactive', () => ca.get('/harvests/v2/inactive', { ...farm, ...ALL_TIME })],
    ['get_harvests_v2_onhold', () => ca.get('/harvests/v2/onhold', { ...farm, ...ALL_TIME })],
    [
      'get_sales_v2_deliveries_active',
      () => ca.get('/sales/v2/deliveries/active', { ...store, ...ALL_TIME }),
    ],
    [
      'get_sales_v2_deliveries_inactive',
      () => ca.get('/sales/v2/deliveries/inactive', { ...store, ...ALL_TIME }),
    ],
    [
      'get_transfers_v2_incoming',
      () => ca.get('/transfers/v2/incoming', { licenseNumber: DEMO.caDistributor, ...ALL_TIME }),
    ],
    [
      'get_transfers_v2_outgoing',
      () => ca.get('/transfers/v2/outgoing', { licenseNumber: DEMO.caDistributor, ...ALL_TIME }),
    ],
    [
      'get_transfers_v2_rejected',
      () => ca.get('/transfers/v2/rejected', { licenseNumber: DEMO.caDistributor }),
    ],
    [
      'get_transfers_v2_templates_outgoing',
      () =>
        ca.get('/transfers/v2/templates/outgoing', {
          licenseNumber: DEMO.caDistributor,
          ...ALL_TIME,
        }),
    ],
    [
      'get_patients_v2_active',
      () => co.get('/patients/v2/active', { licenseNumber: DEMO.coMedical }),
    ],
    [
      'get_processing_v2_active',
      () => nv.get('/processing/v2/active', { licenseNumber: nvLicense, ...ALL_TIME }),
    ],
    [
      'get_transporters_v2_drivers',
      () => ca.get('/transporters/v2/drivers', { licenseNumber: DEMO.caTransporter }),
    ],
    [
      'get_transporters_v2_vehicles',
      () => ca.get('/transporters/v2/vehicles', { licenseNumber: DEMO.caTransporter }),
    ],
    // Writes, in an order that lets each build on the last.
    [
      'post_items_v2',
      () =>
        ca.post(
          '/items/v2',
          [{ ItemCategory: 'Edible', Name: 'Contract Mints', UnitOfMeasure: 'Each' }],
          store,
        ),
    ],
    [
      'post_strains_v2',
      () =>
        ca.post(
          '/strains/v2',
          [{ Name: 'Contract Kush', IndicaPercentage: 70, SativaPercentage: 30 }],
          store,
        ),
    ],
    [
      'post_locations_v2',
      () =>
        ca.post('/locations/v2', [{ Name: 'Contract Room', LocationTypeName: 'Default' }], store),
    ],
    [
      'post_packages_v2',
      async () => {
        const answer = await ca.post(
          '/packages/v2',
          [
            {
              Tag: tags[0]?.Label,
              Item: 'Contract Mints',
              Quantity: 2,
              UnitOfMeasure: 'Each',
              ActualDate: '2026-01-08',
              Ingredients: [{ Package: moved.Label, Quantity: 2, UnitOfMeasure: 'Each' }],
            },
          ],
          store,
        );
        newPackage = (answer.body as { Ids: number[] }).Ids[0] ?? 0;
        return answer;
      },
    ],
    [
      'post_packages_v2_adjust',
      () =>
        ca.post(
          '/packages/v2/adjust',
          [
            {
              Label: tags[0]?.Label,
              Quantity: -1,
              UnitOfMeasure: 'Each',
              AdjustmentReason: 'Drying',
              AdjustmentDate: '2026-01-08',
            },
          ],
          store,
        ),
    ],
    [
      'put_packages_v2_adjust',
      () =>
        ca.put(
          '/packages/v2/adjust',
          [
            {
              Label: tags[0]?.Label,
              Quantity: 0,
              UnitOfMeasure: 'Each',
              AdjustmentReason: 'Drying',
              AdjustmentDate: '2026-01-08',
            },
          ],
          store,
        ),
    ],
    [
      'put_packages_v2_location',
      () =>
        ca.put(
          '/packages/v2/location',
          [{ Label: tags[0]?.Label, Location: 'Contract Room', MoveDate: '2026-01-08' }],
          store,
        ),
    ],
    [
      'put_packages_v2_finish',
      () =>
        ca.put('/packages/v2/finish', [{ Label: tags[0]?.Label, ActualDate: '2026-01-08' }], store),
    ],
    [
      'put_packages_v2_unfinish',
      () => ca.put('/packages/v2/unfinish', [{ Label: tags[0]?.Label }], store),
    ],
    ['delete_packages_v2_id', () => ca.delete(`/packages/v2/${newPackage}`, store)],
    [
      'post_sales_v2_receipts',
      async () => {
        const answer = await ca.post('/sales/v2/receipts', sale(), store);
        newReceipt = (answer.body as { Ids: number[] }).Ids[0] ?? 0;
        return answer;
      },
    ],
    ['put_sales_v2_receipts', () => ca.put('/sales/v2/receipts', sale({ Id: newReceipt }), store)],
    [
      'put_sales_v2_receipts_finalize',
      () => ca.put('/sales/v2/receipts/finalize', [{ Id: newReceipt }], store),
    ],
    [
      'put_sales_v2_receipts_unfinalize',
      () => ca.put('/sales/v2/receipts/unfinalize', [{ Id: newReceipt }], store),
    ],
    ['delete_sales_v2_receipts_id', () => ca.delete(`/sales/v2/receipts/${newReceipt}`, store)],
  ];
  return new Map(calls);
}
