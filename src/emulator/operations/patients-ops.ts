/**
 * Patient registrations at a medical facility: `POST /patients/v2` registers, `PUT` (by
 * `LicenseNumber`, optionally renumbered to `NewLicenseNumber`) updates, `DELETE /{id}` removes.
 * A patient license number is unique at the facility.
 */
import { metrcReplies } from '../http/metrc-replies.ts';
import { type Row, RowErrors, readRows, writeResult } from '../http/write-rows.ts';
import type { LicenseRecord, PatientRecord } from '../state/records.ts';
import { isIsoDate } from '../wire/metrc-time.ts';
import { idParam, licenseOf, section } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';
import { type AddError, rowWrite } from './row-writes.ts';

const PATIENTS = section(['Manage Patients'], 'patients');

const byNumber = (license: LicenseRecord, number: string | undefined) =>
  [...license.patients.values()].find(
    (p) => p.patientLicenseNumber.toUpperCase() === number?.toUpperCase(),
  );

function checkFields(row: Row, add: AddError): void {
  for (const field of ['LicenseEffectiveStartDate', 'LicenseEffectiveEndDate']) {
    if (!isIsoDate(row.text(field))) add(`${field} must be a date in the format yyyy-mm-dd.`);
  }
  for (const field of ['RecommendedPlants', 'RecommendedSmokableQuantity']) {
    const value = row.number(field);
    if (value !== undefined && value < 0) add(`${field} must not be negative.`);
  }
}

function register(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const rows = readRows(ctx);
  const errors = new RowErrors();
  const numbers = new Set<string>();
  for (const row of rows) {
    const add = (message: string) => errors.add(row.index, message);
    const number = row.text('LicenseNumber');
    if (!number) add('LicenseNumber was not specified.');
    else if (byNumber(license, number) || numbers.has(number.toUpperCase()))
      add(`Patient ${number} is already registered at the current Facility.`);
    else numbers.add(number.toUpperCase());
    checkFields(row, add);
  }
  errors.throwIfAny();
  const ids = rows.map((row) => {
    const patient: PatientRecord = {
      id: ctx.state.nextId('patient'),
      lastModified: 0,
      license: license.number,
      patientLicenseNumber: row.text('LicenseNumber') ?? '',
      registrationDate: row.text('ActualDate') ?? row.text('LicenseEffectiveStartDate') ?? '',
      effectiveStart: row.text('LicenseEffectiveStartDate') ?? '',
      effectiveEnd: row.text('LicenseEffectiveEndDate') ?? '',
      recommendedPlants: row.number('RecommendedPlants') ?? 0,
      recommendedSmokableQuantity: row.number('RecommendedSmokableQuantity') ?? 0,
    };
    ctx.state.touch(license.patients, patient);
    return patient.id;
  });
  return writeResult(ctx, ids);
}

export const patientOperations: OperationSpec[] = [
  operation('POST', '/patients/v2', PATIENTS, register),
  operation(
    'PUT',
    '/patients/v2',
    PATIENTS,
    rowWrite<PatientRecord>({
      collection: (license) => license.patients,
      find: (ctx, row, add) => {
        const patient = byNumber(licenseOf(ctx), row.text('LicenseNumber'));
        if (!patient) add(`Patient ${row.text('LicenseNumber') ?? ''} is not registered here.`);
        return patient;
      },
      check: (ctx, row, patient, add) => {
        const renamed = row.text('NewLicenseNumber');
        const clash = renamed ? byNumber(licenseOf(ctx), renamed) : undefined;
        if (clash && clash.id !== patient.id) add(`Patient ${renamed} is already registered.`);
        checkFields(row, add);
      },
      apply: (_ctx, row, patient) => {
        patient.patientLicenseNumber = row.text('NewLicenseNumber') ?? patient.patientLicenseNumber;
        patient.effectiveStart = row.text('LicenseEffectiveStartDate') ?? patient.effectiveStart;
        patient.effectiveEnd = row.text('LicenseEffectiveEndDate') ?? patient.effectiveEnd;
        patient.recommendedPlants = row.number('RecommendedPlants') ?? patient.recommendedPlants;
        patient.recommendedSmokableQuantity =
          row.number('RecommendedSmokableQuantity') ?? patient.recommendedSmokableQuantity;
      },
    }),
  ),
  operation('DELETE', '/patients/v2/{id}', PATIENTS, (ctx) => {
    const license = licenseOf(ctx);
    const id = idParam(ctx);
    if (!license.patients.get(id)) throw metrcReplies.objectNotFound(`Patient ${id}`);
    license.patients.delete(id);
    return writeResult(ctx, [id]);
  }),
];
