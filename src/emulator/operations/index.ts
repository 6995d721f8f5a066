/** Every Metrc operation the emulator serves, and the retired ones that answer 405. */

import { catalogueOperations } from './catalogue-ops.ts';
import { catalogueWriteOperations } from './catalogue-writes-ops.ts';
import { externalTransferOperations } from './external-transfers-ops.ts';
import { facilityOperations } from './facilities-ops.ts';
import { growMoreOperations } from './grow-more-ops.ts';
import { growingReadOperations } from './growing-read-ops.ts';
import { harvestWriteOperations } from './harvests-write-ops.ts';
import { labTestOperations } from './labtests-ops.ts';
import { lookupOperations } from './lookup-ops.ts';
import type { OperationSpec } from './operation-types.ts';
import { packageChangeOperations } from './packages-change-ops.ts';
import { packageCreateOperations } from './packages-create-op.ts';
import { packageFlagOperations } from './packages-flags-ops.ts';
import { packageReadOperations } from './packages-read-ops.ts';
import { patientOperations } from './patients-ops.ts';
import { plantBatchMoreOperations } from './plant-batches-more-ops.ts';
import { plantBatchWriteOperations } from './plant-batches-write-ops.ts';
import { plantHarvestOperations } from './plants-harvest-ops.ts';
import { plantWriteOperations } from './plants-write-ops.ts';
import { probeOperations } from './probe-ops.ts';
import { processingOperations } from './processing-ops.ts';
import { referenceOperations } from './reference-ops.ts';
import { salesReadOperations } from './sales-read-ops.ts';
import { salesWriteOperations } from './sales-write-ops.ts';
import { tagOperations } from './tags-ops.ts';
import { transferTemplateOperations } from './transfer-templates-ops.ts';
import { transferReadOperations } from './transfers-read-ops.ts';

export const METRC_OPERATIONS: readonly OperationSpec[] = [
  ...facilityOperations,
  ...lookupOperations,
  ...catalogueOperations,
  ...catalogueWriteOperations,
  ...tagOperations,
  ...packageReadOperations,
  ...packageCreateOperations,
  ...packageChangeOperations,
  ...packageFlagOperations,
  ...salesReadOperations,
  ...salesWriteOperations,
  ...growingReadOperations,
  ...plantWriteOperations,
  ...plantHarvestOperations,
  ...plantBatchWriteOperations,
  ...harvestWriteOperations,
  ...growMoreOperations,
  ...plantBatchMoreOperations,
  ...transferReadOperations,
  ...transferTemplateOperations,
  ...externalTransferOperations,
  ...labTestOperations,
  ...probeOperations,
  ...processingOperations,
  ...referenceOperations,
  ...patientOperations,
];

/** Bulletin 90 removed these; they "return a HTTP 405" (metrc-api.md §3.1). */
export const RETIRED_PATHS: readonly string[] = ['/sales/v1/receipts', '/sales/v1/deliveries'];

/**
 * Paths Metrc is known not to have: there is no API to receive or accept a transfer and no
 * external outgoing manifest (F8, "confirmed by Metrc support"; metrc-api.md §5, §6.12). They
 * answer Metrc's 404 for any method, so a client probing for them sees what Metrc says; any
 * other unknown path stays a loud 501.
 */
export const ABSENT_PATHS: readonly string[] = [
  '/transfers/v2/incoming/receive',
  '/transfers/v2/external/outgoing',
];
