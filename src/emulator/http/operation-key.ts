/**
 * The name of an operation in `openmetrc-state-endpoints.json` style: method and path segments
 * without braces, joined by `_` (GET `/sales/v2/receipts/external/{externalNumber}` →
 * `get_sales_v2_receipts_external_externalNumber`). Routes, the per-state availability table
 * and the contract tests all speak this name.
 */
export function operationKey(method: string, pathTemplate: string): string {
  const segments = pathTemplate
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.replace(/[{}]/g, ''));
  return [method.toLowerCase(), ...segments].join('_');
}
