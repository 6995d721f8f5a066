/** Facilities and employees: who the key is, and who works where with which permissions. */
import { listResponse, queryValue } from '../http/list-response.ts';
import { metrcReplies } from '../http/metrc-replies.ts';
import { wireEmployee, wireFacility } from '../wire/wire-people.ts';
import { licenseOf } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

/** `GET /facilities/vN`: only licenses of this state where the key's user is an employee. */
function facilities(ctx: OperationContext) {
  const out = [];
  for (const license of ctx.state.licenses.values()) {
    if (license.state !== ctx.metrcState) continue;
    const employee = license.employees.get(ctx.user.id);
    if (employee) out.push(wireFacility(license, ctx.user, employee, ctx.version));
  }
  return { body: out };
}

function employees(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const rows = [...license.employees.values()].flatMap((employee) => {
    const user = ctx.state.users.get(employee.userId);
    // Stamped for the list helper; employees carry no LastModified in Metrc.
    return user ? [{ id: 0, lastModified: 0, user, employee }] : [];
  });
  return listResponse(ctx, rows, (row) => wireEmployee(row.user, row.employee, ctx.version), {
    window: 'none',
    bare: 'all',
    envelope: true,
  });
}

/** `GET /employees/v2/permissions`: lower-case names, a bare array (TM GetPermissions.bru). */
function employeePermissions(ctx: OperationContext) {
  const license = licenseOf(ctx);
  const number = queryValue(ctx, 'employeeLicenseNumber');
  if (number === undefined)
    throw metrcReplies.badRequest('The employeeLicenseNumber parameter is required.');
  for (const employee of license.employees.values()) {
    const user = ctx.state.users.get(employee.userId);
    if (user?.employeeLicenseNumber.toLowerCase() === number.toLowerCase()) {
      return { body: [...employee.permissions].map((name) => name.toLowerCase()).sort() };
    }
  }
  throw metrcReplies.badRequest(
    `Employee ${number} is not an employee of facility ${license.number}.`,
  );
}

const VIEW_EMPLOYEES = [['View Employees', 'Manage Employees']] as const;

export const facilityOperations: OperationSpec[] = [
  operation('GET', '/facilities/v2', { license: 'none' }, facilities),
  operation('GET', '/facilities/v1', { license: 'none' }, facilities),
  operation(
    'GET',
    '/employees/v2',
    { license: 'required', permissions: VIEW_EMPLOYEES },
    employees,
  ),
  operation(
    'GET',
    '/employees/v1',
    { license: 'required', permissions: VIEW_EMPLOYEES },
    employees,
  ),
  operation(
    'GET',
    '/employees/v2/permissions',
    { license: 'required', permissions: [['Manage Employees']] },
    employeePermissions,
  ),
];
