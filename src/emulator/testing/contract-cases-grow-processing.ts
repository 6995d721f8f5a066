/**
 * Test support for contract.test.ts, round two: the rarer plant, plant batch and harvest
 * writes, additives, and processing jobs (in NV, one of the states that has them). Each call
 * fetches what it needs when it runs.
 */
import type { Call, ContractCallers } from './contract-cases.ts';
import { ALL_TIME, date, first, newId, steps } from './contract-helpers.ts';
import { DEMO, type MetrcCaller, rows } from './emulator-test-kit.ts';

export async function buildGrowProcessingCalls({
  ca,
  nv,
  nvLicense,
}: ContractCallers & { ny: MetrcCaller; nyLicense: string }): Promise<[string, Call][]> {
  const farm = { licenseNumber: DEMO.caCultivator };
  const nvq = { licenseNumber: nvLicense };
  const veg = () => first(ca, '/plants/v2/vegetative', farm);
  const batchName = async () => (await first(ca, '/plantbatches/v2/active', farm)).Name as string;
  const plantTag = async (n = 0) =>
    ((await ca.get('/tags/v2/plant/available', farm)).body as { Label: string }[])[n]?.Label;
  const strainName = async () => (await first(ca, '/strains/v2/active', farm)).Name as string;
  const harvestId = async () => (await first(ca, '/harvests/v2/active', farm)).Id as number;

  return [
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
