/** Metrc's JSON for facilities (`GET /facilities/v2`) and employees (`GET /employees/v2`). */
import type { EmployeeRecord, LicenseRecord, UserRecord } from '../state/records.ts';

/** One facility as the user sees it: employment fields are the user's at that license. */
export function wireFacility(
  license: LicenseRecord,
  user: UserRecord,
  employee: EmployeeRecord,
  version: 1 | 2,
) {
  return {
    HireDate: employee.hireDate,
    IsOwner: employee.isOwner,
    IsManager: employee.isManager,
    IsFinancialContact: employee.isFinancialContact,
    Email: user.email,
    Occupations: employee.occupations,
    Name: license.name,
    Alias: license.alias,
    DisplayName: license.alias,
    CredentialedDate: license.credentialedDate,
    SupportActivationDate: null,
    SupportExpirationDate: null,
    SupportLastPaidDate: null,
    FacilityId: license.facilityId,
    FacilityType: { ...license.facilityType },
    License: {
      Number: license.number,
      // v1's License had no EmployeeLicenseNumber (metrc-api.md §6.1).
      ...(version === 2 ? { EmployeeLicenseNumber: user.employeeLicenseNumber } : {}),
      StartDate: license.startDate,
      EndDate: license.endDate,
      LicenseType: license.licenseType,
    },
    AllowTransferOfOnHoldPackages: null,
    AllowTransferOfOnRecallPackages: null,
  };
}

export function wireEmployee(user: UserRecord, employee: EmployeeRecord, version: 1 | 2) {
  const license = {
    Number: user.employeeLicenseNumber,
    ...(version === 2 ? { EmployeeLicenseNumber: user.employeeLicenseNumber } : {}),
    StartDate: employee.hireDate,
    EndDate: null,
    LicenseType: 'Employee',
  };
  if (version === 1) return { FullName: user.name, License: license };
  return {
    FullName: user.name,
    License: license,
    IsIndustryAdmin: false,
    IsOwner: employee.isOwner,
    IsManager: employee.isManager,
  };
}
