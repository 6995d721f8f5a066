/**
 * Test support for contract.test.ts: the operations of round two (catalogue and package
 * writes, drivers and vehicles, transfer drill-downs, lab documents, reference reads, the rarer
 * grow writes, processing jobs). Each call fetches what it needs when it runs, since the cases
 * before it have changed the demo's data.
 */
import type { Call, ContractCallers } from './contract-cases.ts';
import { DEMO, type HttpAnswer, type MetrcCaller, type Query, rows } from './emulator-test-kit.ts';

const ALL_TIME = {
  lastModifiedStart: '2000-01-01T00:00:00Z',
  lastModifiedEnd: '2100-01-01T00:00:00Z',
};
const date = '2026-01-10';

type Record_ = Record<string, unknown>;

/** The rows of a list (all time), failing loudly when the list call fails. */
async function list(caller: MetrcCaller, path: string, query: Query): Promise<Record_[]> {
  return rows(await caller.get(path, { ...ALL_TIME, ...query }));
}

async function first(
  caller: MetrcCaller,
  path: string,
  query: Query,
  keep = (_r: Record_) => true,
) {
  const found = (await list(caller, path, query)).find(keep);
  if (!found) throw new Error(`no row in ${path} for the contract case`);
  return found;
}

/** Runs setup answers (each must be 200) and returns the last one. */
async function steps(...calls: (() => Promise<HttpAnswer>)[]): Promise<HttpAnswer> {
  let last: HttpAnswer | undefined;
  for (const call of calls) {
    if (last && last.status !== 200) return last;
    last = await call();
  }
  if (!last) throw new Error('no steps');
  return last;
}

const newId = (answer: HttpAnswer) => (answer.body as { Ids: number[] }).Ids[0] ?? 0;

export async function buildRoundTwoCalls({
  ca,
  co,
  nv,
  nvLicense,
  ny,
  nyLicense,
}: ContractCallers & { ny: MetrcCaller; nyLicense: string }): Promise<[string, Call][]> {
  const store = { licenseNumber: DEMO.caStore };
  const farm = { licenseNumber: DEMO.caCultivator };
  const lab = { licenseNumber: DEMO.caLab };
  const distributor = { licenseNumber: DEMO.caDistributor };
  const transporter = { licenseNumber: DEMO.caTransporter };
  const medical = { licenseNumber: DEMO.coMedical };
  const nvq = { licenseNumber: nvLicense };
  const nyq = { licenseNumber: nyLicense };

  const storePackage = () =>
    first(ca, '/packages/v2/active', store, (p) => p.UnitOfMeasureName === 'Each' && !p.IsOnHold);
  const outgoing = await first(ca, '/transfers/v2/outgoing', distributor);
  const deliveries = rows(await ca.get(`/transfers/v2/${outgoing.Id}/deliveries`));
  const delivery = deliveries[0] as { Id: number };
  const shipped = rows(await ca.get(`/transfers/v2/deliveries/${delivery.Id}/packages`))[0] as {
    PackageId: number;
  };
  const template = await first(ca, '/transfers/v2/templates/outgoing', distributor);
  const veg = () => first(ca, '/plants/v2/vegetative', farm);
  const batchName = async () => (await first(ca, '/plantbatches/v2/active', farm)).Name as string;
  const plantTag = async (n = 0) =>
    ((await ca.get('/tags/v2/plant/available', farm)).body as { Label: string }[])[n]?.Label;
  const strainName = async () => (await first(ca, '/strains/v2/active', farm)).Name as string;
  const harvestId = async () => (await first(ca, '/harvests/v2/active', farm)).Id as number;
  let resultId = 0;
  for (const pkg of await list(ca, '/packages/v2/active', farm)) {
    const results = rows(
      await ca.get('/labtests/v2/results', { ...farm, packageId: pkg.Id as number }),
    );
    if (results[0]) {
      resultId = results[0].LabTestResultId as number;
      break;
    }
  }

  return [
    // Package writes at the store.
    [
      'put_packages_v2_note',
      async () =>
        ca.put(
          '/packages/v2/note',
          [{ Label: (await storePackage()).Label, Note: 'Shelf 3' }],
          store,
        ),
    ],
    [
      'put_packages_v2_item',
      async () => {
        const pkg = await storePackage();
        return ca.put(
          '/packages/v2/item',
          [{ Label: pkg.Label, Item: (pkg.Item as { Name: string }).Name }],
          store,
        );
      },
    ],
    [
      'put_packages_v2_usebydate',
      async () =>
        ca.put(
          '/packages/v2/usebydate',
          [
            {
              Label: (await storePackage()).Label,
              ExpirationDate: '2027-01-01',
              SellByDate: '2026-12-01',
              UseByDate: '2027-01-01',
            },
          ],
          store,
        ),
    ],
    [
      'put_packages_v2_donation_flag',
      async () =>
        ca.put('/packages/v2/donation/flag', [{ Label: (await storePackage()).Label }], store),
    ],
    [
      'put_packages_v2_donation_unflag',
      async () =>
        ca.put('/packages/v2/donation/unflag', [{ Label: (await storePackage()).Label }], store),
    ],
    [
      'put_packages_v2_tradesample_flag',
      async () =>
        ca.put('/packages/v2/tradesample/flag', [{ Label: (await storePackage()).Label }], store),
    ],
    [
      'put_packages_v2_tradesample_unflag',
      async () =>
        ca.put('/packages/v2/tradesample/unflag', [{ Label: (await storePackage()).Label }], store),
    ],
    [
      'put_packages_v2_remediate',
      async () =>
        ca.put(
          '/packages/v2/remediate',
          [
            {
              PackageLabel: (await storePackage()).Label,
              RemediationMethodName: 'Further Drying',
              RemediationDate: date,
              RemediationSteps: 'Dried',
            },
          ],
          store,
        ),
    ],
    [
      'put_packages_v2_labtests_required',
      async () =>
        ca.put(
          '/packages/v2/labtests/required',
          [{ PackageLabel: (await storePackage()).Label, LabTestBatchNames: ['Potency'] }],
          store,
        ),
    ],
    // Catalogue writes.
    [
      'put_items_v2',
      async () => {
        const item = await first(ca, '/items/v2/active', store);
        return ca.put(
          '/items/v2',
          [
            {
              Id: item.Id,
              Name: item.Name,
              ItemCategory: item.ProductCategoryName,
              UnitOfMeasure: item.UnitOfMeasureName,
            },
          ],
          store,
        );
      },
    ],
    [
      'delete_items_v2_id',
      async () => {
        const created = await ca.post(
          '/items/v2',
          [{ ItemCategory: 'Edible', Name: 'Contract Drops', UnitOfMeasure: 'Each' }],
          store,
        );
        return ca.delete(`/items/v2/${newId(created)}`, store);
      },
    ],
    [
      'put_strains_v2',
      async () => {
        const strain = await first(ca, '/strains/v2/active', store);
        return ca.put(
          '/strains/v2',
          [{ Id: strain.Id, Name: strain.Name, IndicaPercentage: 60, SativaPercentage: 40 }],
          store,
        );
      },
    ],
    [
      'delete_strains_v2_id',
      async () => {
        const created = await ca.post(
          '/strains/v2',
          [{ Name: 'Contract Haze', IndicaPercentage: 20, SativaPercentage: 80 }],
          store,
        );
        return ca.delete(`/strains/v2/${newId(created)}`, store);
      },
    ],
    [
      'put_locations_v2',
      async () => {
        const location = await first(ca, '/locations/v2/active', store);
        return ca.put(
          '/locations/v2',
          [{ Id: location.Id, Name: location.Name, LocationTypeName: location.LocationTypeName }],
          store,
        );
      },
    ],
    [
      'delete_locations_v2_id',
      async () => {
        const created = await ca.post(
          '/locations/v2',
          [{ Name: 'Contract Closet', LocationTypeName: 'Default' }],
          store,
        );
        return ca.delete(`/locations/v2/${newId(created)}`, store);
      },
    ],
    ['post_items_v2_brand', () => ca.post('/items/v2/brand', [{ Name: 'Contract Brand' }], store)],
    ['get_items_v2_brands', () => ca.get('/items/v2/brands', store)],
    [
      'put_items_v2_brand',
      async () =>
        ca.put(
          '/items/v2/brand',
          [{ Id: (await first(ca, '/items/v2/brands', store)).Id, Name: 'Contract Brand 2' }],
          store,
        ),
    ],
    [
      'delete_items_v2_brand_id',
      async () =>
        ca.delete(`/items/v2/brand/${(await first(ca, '/items/v2/brands', store)).Id}`, store),
    ],
    // Drivers and vehicles at the transporter.
    [
      'get_transporters_v2_drivers_id',
      async () =>
        ca.get(
          `/transporters/v2/drivers/${(await first(ca, '/transporters/v2/drivers', transporter)).Id}`,
          transporter,
        ),
    ],
    [
      'get_transporters_v2_vehicles_id',
      async () =>
        ca.get(
          `/transporters/v2/vehicles/${(await first(ca, '/transporters/v2/vehicles', transporter)).Id}`,
          transporter,
        ),
    ],
    [
      'post_transporters_v2_drivers',
      () =>
        ca.post(
          '/transporters/v2/drivers',
          [{ Name: 'Sam Ortiz', EmployeeId: 'E-77', DriversLicenseNumber: 'D7777777' }],
          transporter,
        ),
    ],
    [
      'post_transporters_v2_vehicles',
      () =>
        ca.post(
          '/transporters/v2/vehicles',
          [{ Make: 'Ford', Model: 'Transit', LicensePlateNumber: '8ABC123' }],
          transporter,
        ),
    ],
    [
      'put_transporters_v2_drivers',
      async () =>
        ca.put(
          '/transporters/v2/drivers',
          [
            {
              Id: (
                await first(
                  ca,
                  '/transporters/v2/drivers',
                  transporter,
                  (d) => d.Name === 'Sam Ortiz',
                )
              ).Id,
              Name: 'Sam Ortiz',
              EmployeeId: 'E-78',
              DriversLicenseNumber: 'D7777777',
            },
          ],
          transporter,
        ),
    ],
    [
      'put_transporters_v2_vehicles',
      async () =>
        ca.put(
          '/transporters/v2/vehicles',
          [
            {
              Id: (
                await first(ca, '/transporters/v2/vehicles', transporter, (v) => v.Make === 'Ford')
              ).Id,
              Make: 'Ford',
              Model: 'Transit 250',
              LicensePlateNumber: '8ABC123',
            },
          ],
          transporter,
        ),
    ],
    [
      'delete_transporters_v2_drivers_id',
      async () =>
        ca.delete(
          `/transporters/v2/drivers/${(await first(ca, '/transporters/v2/drivers', transporter, (d) => d.Name === 'Sam Ortiz')).Id}`,
          transporter,
        ),
    ],
    [
      'delete_transporters_v2_vehicles_id',
      async () =>
        ca.delete(
          `/transporters/v2/vehicles/${(await first(ca, '/transporters/v2/vehicles', transporter, (v) => v.Make === 'Ford')).Id}`,
          transporter,
        ),
    ],
    // Transfer drill-downs (no licenseNumber) and the hub.
    [
      'get_transfers_v2_deliveries_id_transporters',
      () => ca.get(`/transfers/v2/deliveries/${delivery.Id}/transporters`),
    ],
    [
      'get_transfers_v2_deliveries_id_transporters_details',
      () => ca.get(`/transfers/v2/deliveries/${delivery.Id}/transporters/details`),
    ],
    [
      'get_transfers_v2_deliveries_id_packages_wholesale',
      () => ca.get(`/transfers/v2/deliveries/${delivery.Id}/packages/wholesale`),
    ],
    [
      'get_transfers_v2_deliveries_package_id_requiredlabtestbatches',
      () => ca.get(`/transfers/v2/deliveries/package/${shipped.PackageId}/requiredlabtestbatches`),
    ],
    [
      'get_transfers_v2_templates_outgoing_deliveries_id_transporters',
      () =>
        ca.get(`/transfers/v2/templates/outgoing/deliveries/${template.DeliveryId}/transporters`),
    ],
    [
      'get_transfers_v2_templates_outgoing_deliveries_id_transporters_details',
      () =>
        ca.get(
          `/transfers/v2/templates/outgoing/deliveries/${template.DeliveryId}/transporters/details`,
        ),
    ],
    ['get_transfers_v2_hub', () => ca.get('/transfers/v2/hub', { ...transporter, ...ALL_TIME })],
    // Lab tests.
    ['get_labtests_v2_batches', () => ca.get('/labtests/v2/batches')],
    [
      'get_labtests_v2_labtestdocument_id',
      () => ca.get(`/labtests/v2/labtestdocument/${resultId}`, farm),
    ],
    [
      'put_labtests_v2_labtestdocument',
      () =>
        ca.put(
          '/labtests/v2/labtestdocument',
          [
            {
              LabTestResultId: resultId,
              DocumentFileName: 'coa.pdf',
              DocumentFileBase64: 'JVBERi0xLjQK',
            },
          ],
          lab,
        ),
    ],
    [
      'put_labtests_v2_results_release',
      async () =>
        ca.put(
          '/labtests/v2/results/release',
          [{ PackageLabel: (await first(ca, '/packages/v2/active', lab)).Label }],
          lab,
        ),
    ],
    // Reference reads.
    ['get_wastemethods_v2', () => ny.get('/wastemethods/v2')],
    ['get_plants_v2_additives_types', () => ca.get('/plants/v2/additives/types')],
    ['get_sales_v2_counties', () => ca.get('/sales/v2/counties')],
    ['get_sales_v2_paymenttypes', () => ca.get('/sales/v2/paymenttypes', store)],
    [
      'get_sales_v2_patientregistration_locations',
      () => ca.get('/sales/v2/patientregistration/locations'),
    ],
    ['get_patient-checkins_v2_locations', () => ny.get('/patient-checkins/v2/locations')],
    [
      'get_sales_v2_deliveries_returnreasons',
      () => ca.get('/sales/v2/deliveries/returnreasons', store),
    ],
    [
      'get_caregivers_v2_status_caregiverLicenseNumber',
      () => ny.get('/caregivers/v2/status/CG-0001', nyq),
    ],
    [
      'get_patients_v2_statuses_patientLicenseNumber',
      async () =>
        co.get(
          `/patients/v2/statuses/${(await first(co, '/patients/v2/active', medical)).LicenseNumber}`,
          medical,
        ),
    ],
    [
      'get_patients_v2_id',
      async () =>
        co.get(
          `/patients/v2/${(await first(co, '/patients/v2/active', medical)).PatientId}`,
          medical,
        ),
    ],
    [
      'get_packages_v2_intransit',
      () => ca.get('/packages/v2/intransit', { ...distributor, ...ALL_TIME }),
    ],
    [
      'get_packages_v2_labsamples',
      () => ca.get('/packages/v2/labsamples', { ...lab, ...ALL_TIME }),
    ],
    [
      'get_packages_v2_id_source_harvests',
      async () =>
        ca.get(
          `/packages/v2/${(await first(ca, '/packages/v2/active', farm, (p) => !!p.SourceHarvestNames)).Id}/source/harvests`,
          farm,
        ),
    ],
    // The rarer grow writes at the cultivator.
    [
      'put_plants_v2_strain',
      async () =>
        ca.put(
          '/plants/v2/strain',
          [{ Id: (await veg()).Id, StrainName: await strainName() }],
          farm,
        ),
    ],
    [
      'put_plants_v2_tag',
      async () =>
        ca.put(
          '/plants/v2/tag',
          [{ Id: (await veg()).Id, NewTag: await plantTag(), ReplaceDate: date }],
          farm,
        ),
    ],
    [
      'post_plants_v2_additives',
      async () =>
        ca.post(
          '/plants/v2/additives',
          [
            {
              AdditiveType: 'Fertilizer',
              ProductTradeName: 'Grow Big',
              TotalAmountApplied: 2,
              TotalAmountUnitOfMeasure: 'Gallons',
              ActualDate: date,
              PlantLabels: [(await veg()).Label],
            },
          ],
          farm,
        ),
    ],
    [
      'post_plants_v2_additives_bylocation',
      () =>
        ca.post(
          '/plants/v2/additives/bylocation',
          [
            {
              AdditiveType: 'Pesticide',
              ProductTradeName: 'Neem',
              EpaRegistrationNumber: '70051-2',
              TotalAmountApplied: 1,
              TotalAmountUnitOfMeasure: 'Gallons',
              ActualDate: date,
              LocationName: 'Veg Room',
            },
          ],
          farm,
        ),
    ],
    [
      'post_plantbatches_v2_additives',
      async () =>
        ca.post(
          '/plantbatches/v2/additives',
          [
            {
              AdditiveType: 'Other',
              ProductTradeName: 'Kelp',
              TotalAmountApplied: 0.5,
              TotalAmountUnitOfMeasure: 'Gallons',
              ActualDate: date,
              PlantBatchName: await batchName(),
            },
          ],
          farm,
        ),
    ],
    ['get_plants_v2_additives', () => ca.get('/plants/v2/additives', { ...farm, ...ALL_TIME })],
    [
      'post_plants_v2_waste',
      async () =>
        ca.post(
          '/plants/v2/waste',
          [
            {
              PlantLabels: [(await veg()).Label],
              WasteMethodName: 'Compost',
              WasteReasonName: 'Pests',
              WasteWeight: 3,
              UnitOfMeasureName: 'Grams',
              WasteDate: date,
            },
          ],
          farm,
        ),
    ],
    [
      'post_plants_v2_plantings',
      async () =>
        ca.post(
          '/plants/v2/plantings',
          [
            {
              PlantLabel: (await veg()).Label,
              PlantBatchName: 'Contract Mother Clones',
              PlantBatchType: 'Clone',
              PlantCount: 6,
              LocationName: 'Veg Room',
              ActualDate: date,
            },
          ],
          farm,
        ),
    ],
    [
      'post_packages_v2_plantings',
      async () => {
        const pkg = await first(
          ca,
          '/packages/v2/active',
          farm,
          (p) => (p.Quantity as number) > 10 && !p.IsOnHold,
        );
        return ca.post(
          '/packages/v2/plantings',
          [
            {
              PackageLabel: pkg.Label,
              PackageAdjustmentAmount: 1,
              PackageAdjustmentUnitOfMeasureName: pkg.UnitOfMeasureName,
              PlantBatchName: 'Contract Seedlings',
              PlantBatchType: 'Seed',
              PlantCount: 10,
              LocationName: 'Veg Room',
              StrainName: await strainName(),
              PlantedDate: date,
            },
          ],
          farm,
        );
      },
    ],
    [
      'put_plantbatches_v2_location',
      async () =>
        ca.put(
          '/plantbatches/v2/location',
          [{ Name: await batchName(), Location: 'Veg Room', MoveDate: date }],
          farm,
        ),
    ],
    [
      'put_plantbatches_v2_strain',
      async () =>
        ca.put(
          '/plantbatches/v2/strain',
          [{ Name: await batchName(), StrainName: await strainName() }],
          farm,
        ),
    ],
    [
      'post_plantbatches_v2_adjust',
      async () =>
        ca.post(
          '/plantbatches/v2/adjust',
          [
            {
              PlantBatchName: await batchName(),
              Quantity: -1,
              AdjustmentReason: 'Scale Variance',
              AdjustmentDate: date,
            },
          ],
          farm,
        ),
    ],
    [
      'post_plantbatches_v2_split',
      async () =>
        ca.post(
          '/plantbatches/v2/split',
          [
            {
              PlantBatch: await batchName(),
              GroupName: 'Contract Split',
              Count: 2,
              Location: 'Veg Room',
              ActualDate: date,
            },
          ],
          farm,
        ),
    ],
    [
      'post_plantbatches_v2_growthphase',
      async () =>
        ca.post(
          '/plantbatches/v2/growthphase',
          [
            {
              Name: await batchName(),
              Count: 1,
              StartingTag: await plantTag(),
              GrowthPhase: 'Vegetative',
              NewLocation: 'Veg Room',
              GrowthDate: date,
            },
          ],
          farm,
        ),
    ],
    [
      'post_plantbatches_v2_waste',
      async () =>
        ca.post(
          '/plantbatches/v2/waste',
          [
            {
              PlantBatchName: await batchName(),
              WasteMethodName: 'Grinder',
              WasteReasonName: 'Male Plants',
              WasteWeight: 1,
              UnitOfMeasureName: 'Grams',
              WasteDate: date,
            },
          ],
          farm,
        ),
    ],
    [
      'put_harvests_v2_rename',
      async () =>
        ca.put(
          '/harvests/v2/rename',
          [{ Id: await harvestId(), NewName: 'Contract Harvest Renamed' }],
          farm,
        ),
    ],
    [
      'put_harvests_v2_location',
      async () =>
        ca.put(
          '/harvests/v2/location',
          [{ Id: await harvestId(), DryingLocation: 'Dry Room', ActualDate: date }],
          farm,
        ),
    ],
    [
      'put_harvests_v2_restore_harvestedplants',
      async () => {
        const plant = await first(ca, '/plants/v2/flowering', farm);
        const harvested = await ca.put(
          '/plants/v2/harvest',
          [
            {
              Plant: plant.Label,
              Weight: 300,
              UnitOfWeight: 'Grams',
              DryingLocation: 'Dry Room',
              HarvestName: 'Contract Restore',
              ActualDate: date,
            },
          ],
          farm,
        );
        if (harvested.status !== 200) return harvested;
        const harvest = await first(
          ca,
          '/harvests/v2/active',
          farm,
          (h) => h.Name === 'Contract Restore',
        );
        return ca.put(
          '/harvests/v2/restore/harvestedplants',
          [{ HarvestId: harvest.Id, PlantTags: [plant.Label] }],
          farm,
        );
      },
    ],
    [
      'delete_harvests_v2_waste_id',
      async () => {
        const id = await harvestId();
        return steps(
          () =>
            ca.post(
              '/harvests/v2/waste',
              [
                {
                  Id: id,
                  WasteType: 'Plant Material',
                  UnitOfWeight: 'Grams',
                  WasteWeight: 5,
                  ActualDate: date,
                },
              ],
              farm,
            ),
          async () => {
            const waste = rows(await ca.get('/harvests/v2/waste', { ...farm, harvestId: id })).at(
              -1,
            );
            return ca.delete(`/harvests/v2/waste/${waste?.Id}`, farm);
          },
        );
      },
    ],
    // Processing jobs (NV).
    [
      'get_processing_v2_jobtypes_attributes',
      () => nv.get('/processing/v2/jobtypes/attributes', nvq),
    ],
    [
      'get_processing_v2_jobtypes_categories',
      () => nv.get('/processing/v2/jobtypes/categories', nvq),
    ],
    [
      'post_processing_v2_jobtypes',
      () =>
        nv.post(
          '/processing/v2/jobtypes',
          [
            {
              Name: 'Rosin Press',
              Category: 'Extraction',
              Description: 'Heat and pressure',
              ProcessingSteps: 'Press',
              Attributes: ['Extraction'],
            },
          ],
          nvq,
        ),
    ],
    ['get_processing_v2_jobtypes_active', () => nv.get('/processing/v2/jobtypes/active', nvq)],
    [
      'put_processing_v2_jobtypes',
      async () =>
        nv.put(
          '/processing/v2/jobtypes',
          [
            {
              Id: (await first(nv, '/processing/v2/jobtypes/active', nvq)).Id,
              Name: 'Rosin Press',
              Category: 'Extraction',
              Description: 'Cold press',
            },
          ],
          nvq,
        ),
    ],
    [
      'post_processing_v2_start',
      async () => {
        const pkg = await first(
          nv,
          '/packages/v2/active',
          nvq,
          (p) => (p.Quantity as number) > 5 && !p.IsOnHold,
        );
        return nv.post(
          '/processing/v2/start',
          [
            {
              JobName: 'Contract Job',
              JobType: 'Rosin Press',
              StartDate: date,
              Packages: [{ Label: pkg.Label, Quantity: 1, UnitOfMeasure: pkg.UnitOfMeasureName }],
            },
          ],
          nvq,
        );
      },
    ],
    [
      'get_processing_v2_id',
      async () =>
        nv.get(`/processing/v2/${(await first(nv, '/processing/v2/active', nvq)).Id}`, nvq),
    ],
    [
      'put_processing_v2_finish',
      async () =>
        nv.put(
          '/processing/v2/finish',
          [{ Id: (await first(nv, '/processing/v2/active', nvq)).Id, FinishDate: date }],
          nvq,
        ),
    ],
    [
      'get_processing_v2_inactive',
      () => nv.get('/processing/v2/inactive', { ...nvq, ...ALL_TIME }),
    ],
    [
      'put_processing_v2_unfinish',
      async () =>
        nv.put(
          '/processing/v2/unfinish',
          [{ Id: (await first(nv, '/processing/v2/inactive', nvq)).Id }],
          nvq,
        ),
    ],
    [
      'delete_processing_v2_id',
      async () =>
        nv.delete(`/processing/v2/${(await first(nv, '/processing/v2/active', nvq)).Id}`, nvq),
    ],
    [
      'delete_processing_v2_jobtypes_id',
      async () => {
        const created = await nv.post(
          '/processing/v2/jobtypes',
          [{ Name: 'Old Type', Category: 'Packaging' }],
          nvq,
        );
        return nv.delete(`/processing/v2/jobtypes/${newId(created)}`, nvq);
      },
    ],
    ['get_processing_v2_jobtypes_inactive', () => nv.get('/processing/v2/jobtypes/inactive', nvq)],
  ];
}
