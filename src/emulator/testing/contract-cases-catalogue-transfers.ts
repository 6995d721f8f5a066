/**
 * Test support for contract.test.ts, round two: package and catalogue writes, brands, drivers
 * and vehicles, transfer drill-downs and the hub, lab documents, reference reads. Each call
 * fetches what it needs when it runs, since the cases before it have changed the demo's data.
 */
import type { Call, ContractCallers } from './contract-cases.ts';
import { ALL_TIME, date, first, list, newId } from './contract-helpers.ts';
import { DEMO, type MetrcCaller, rows } from './emulator-test-kit.ts';

export async function buildCatalogueTransferCalls({
  ca,
  co,
  ny,
  nyLicense,
}: ContractCallers & { ny: MetrcCaller; nyLicense: string }): Promise<[string, Call][]> {
  const store = { licenseNumber: DEMO.caStore };
  const farm = { licenseNumber: DEMO.caCultivator };
  const lab = { licenseNumber: DEMO.caLab };
  const distributor = { licenseNumber: DEMO.caDistributor };
  const transporter = { licenseNumber: DEMO.caTransporter };
  const medical = { licenseNumber: DEMO.coMedical };
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

  const externalRow = async () => ({
    ShipperLicenseNumber: 'OR-100-EXT',
    ShipperName: 'Cascade Growers (Oregon)',
    ShipperAddress1: '1 Mill St',
    DriverName: 'Lee Park',
    VehicleMake: 'Ford',
    VehicleModel: 'Transit',
    VehicleLicensePlateNumber: '7XYZ001',
    Destinations: [
      {
        RecipientLicenseNumber: DEMO.caDistributor,
        TransferTypeName: 'Transfer',
        PlannedRoute: 'I-5 south',
        EstimatedDepartureDateTime: '2026-01-11T08:00:00',
        EstimatedArrivalDateTime: '2026-01-11T17:00:00',
        Packages: [
          {
            ItemName: (await first(ca, '/items/v2/active', distributor)).Name,
            Quantity: 10,
            UnitOfMeasureName: 'Each',
            PackagedDate: '2026-01-09',
            WholesalePrice: 120,
          },
        ],
      },
    ],
  });
  const externalId = async () =>
    (
      await first(
        ca,
        '/transfers/v2/incoming',
        distributor,
        (t) => t.ShipmentLicenseType === 'Unlicensed',
      )
    ).Id as number;

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
    // External incoming transfers, recorded by the distributor (CanTransferFromExternalFacilities).
    [
      'post_transfers_v2_external_incoming',
      async () => ca.post('/transfers/v2/external/incoming', [await externalRow()], distributor),
    ],
    [
      'put_transfers_v2_external_incoming',
      async () =>
        ca.put(
          '/transfers/v2/external/incoming',
          [{ ...(await externalRow()), TransferId: await externalId() }],
          distributor,
        ),
    ],
    [
      'delete_transfers_v2_external_incoming_id',
      async () => ca.delete(`/transfers/v2/external/incoming/${await externalId()}`, distributor),
    ],
    // Patients at the CO medical center.
    [
      'post_patients_v2',
      () =>
        co.post(
          '/patients/v2',
          [
            {
              LicenseNumber: 'CO-PT-9001',
              LicenseEffectiveStartDate: '2026-01-01',
              LicenseEffectiveEndDate: '2027-01-01',
              RecommendedPlants: 6,
              RecommendedSmokableQuantity: 2,
              ActualDate: date,
            },
          ],
          medical,
        ),
    ],
    [
      'put_patients_v2',
      () =>
        co.put(
          '/patients/v2',
          [
            {
              LicenseNumber: 'CO-PT-9001',
              NewLicenseNumber: 'CO-PT-9002',
              LicenseEffectiveStartDate: '2026-01-01',
              LicenseEffectiveEndDate: '2027-06-01',
              ActualDate: date,
            },
          ],
          medical,
        ),
    ],
    [
      'delete_patients_v2_id',
      async () =>
        co.delete(
          `/patients/v2/${(await first(co, '/patients/v2/active', medical, (p) => p.LicenseNumber === 'CO-PT-9002')).PatientId}`,
          medical,
        ),
    ],
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
  ];
}
