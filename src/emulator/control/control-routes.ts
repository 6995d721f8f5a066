/**
 * `/_emulator/*`: the control API over HTTP (documented in docs/emulator.md). JSON in, JSON out;
 * failures answer `{code, message, details}` with the code's status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '../../lib/index.ts';
import { emulatorErrors } from '../emulator-errors.ts';
import { readJsonBody, sendJson } from '../http/http-io.ts';
import type { EmulatorControl } from './emulator-control.ts';
import type { RequestLogFilter } from './request-log.ts';

type Body = Record<string, unknown>;
type Handler = (input: { params: string[]; body: Body; query: URLSearchParams }) => unknown;

interface ControlRoute {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const NAME = '([^/]+)';

function routes(control: EmulatorControl): ControlRoute[] {
  const route = (method: string, path: string, handler: Handler): ControlRoute => ({
    method,
    pattern: new RegExp(`^${path.replaceAll(':name', NAME)}/?$`),
    handler,
  });
  const num = (value: unknown) =>
    value === undefined || value === null || value === '' ? undefined : Number(value);
  return [
    route('GET', '/_emulator/health', () => ({ ok: true })),
    route('GET', '/_emulator/scenarios', () => control.scenarios()),
    route('GET', '/_emulator/scenario', () => control.scenario()),
    route('POST', '/_emulator/scenario', ({ body }) =>
      control.loadScenario(String(body.name ?? ''), {
        seed: num(body.seed),
        params: (body.params as Record<string, unknown>) ?? undefined,
      }),
    ),
    route('POST', '/_emulator/reset', ({ body }) => control.reset({ seed: num(body.seed) })),
    route('GET', '/_emulator/config', () => control.config()),
    route('PATCH', '/_emulator/config', ({ body }) => control.updateConfig(body)),
    route('GET', '/_emulator/clock', () => ({ now: control.now().toISOString() })),
    route('POST', '/_emulator/clock', ({ body }) => ({
      now: control.advanceClock(Number(body.advanceMs)).toISOString(),
    })),
    route('POST', '/_emulator/vendor-keys', ({ body }) =>
      control.createVendorKey({ state: String(body.state), key: body.key as string | undefined }),
    ),
    route('POST', '/_emulator/vendor-keys/:name/deactivate', ({ params }) =>
      control.setVendorKeyActive(params[0] ?? '', false),
    ),
    route('POST', '/_emulator/vendor-keys/:name/activate', ({ params }) =>
      control.setVendorKeyActive(params[0] ?? '', true),
    ),
    route('POST', '/_emulator/users', ({ body }) =>
      control.createUser(body as Parameters<EmulatorControl['createUser']>[0]),
    ),
    route('POST', '/_emulator/users/:name/regenerate-key', ({ params, body }) =>
      control.regenerateUserKey(params[0] ?? '', body.userKey as string | undefined),
    ),
    route('POST', '/_emulator/users/:name/expire-key', ({ params }) =>
      control.expireUserKey(params[0] ?? ''),
    ),
    route('POST', '/_emulator/users/:name/deactivate', ({ params }) =>
      control.setUserActive(params[0] ?? '', false),
    ),
    route('POST', '/_emulator/users/:name/reactivate', ({ params }) =>
      control.setUserActive(params[0] ?? '', true),
    ),
    route('POST', '/_emulator/licenses', ({ body }) =>
      control.createLicense(body as Parameters<EmulatorControl['createLicense']>[0]),
    ),
    route('PUT', '/_emulator/licenses/:name/employees/:name', ({ params, body }) =>
      control.setEmployee({ ...body, license: params[0] ?? '', userId: params[1] ?? '' }),
    ),
    route('DELETE', '/_emulator/licenses/:name/employees/:name', ({ params }) =>
      control.removeEmployee(params[0] ?? '', params[1] ?? ''),
    ),
    route('PUT', '/_emulator/licenses/:name/employees/:name/permissions', ({ params, body }) =>
      control.setPermissions({
        license: params[0] ?? '',
        userId: params[1] ?? '',
        permissions: body.permissions as string[],
      }),
    ),
    route('PATCH', '/_emulator/licenses/:name/employees/:name/permissions', ({ params, body }) =>
      control.setPermissions({
        license: params[0] ?? '',
        userId: params[1] ?? '',
        add: body.add as string[] | undefined,
        remove: body.remove as string[] | undefined,
      }),
    ),
    route('GET', '/_emulator/faults', () => control.faults()),
    route('POST', '/_emulator/faults', ({ body }) => control.addFault(body as never)),
    route('DELETE', '/_emulator/faults', () => {
      control.clearFaults();
      return { ok: true };
    }),
    route('DELETE', '/_emulator/faults/:name', ({ params }) => {
      control.removeFault(params[0] ?? '');
      return { ok: true };
    }),
    route('GET', '/_emulator/requests', ({ query }) => control.requests(logFilter(query))),
    route('DELETE', '/_emulator/requests', () => {
      control.clearRequests();
      return { ok: true };
    }),
    route('GET', '/_emulator/counters', () => control.counters()),
    route('GET', '/_emulator/unimplemented', () => control.unimplemented()),
  ];
}

function logFilter(query: URLSearchParams): RequestLogFilter {
  const number = (name: string) => (query.has(name) ? Number(query.get(name)) : undefined);
  const text = (name: string) => query.get(name) ?? undefined;
  return {
    since: number('since'),
    license: text('license'),
    userId: text('userId'),
    status: number('status'),
    method: text('method'),
    pathPrefix: text('path'),
    limit: number('limit'),
  };
}

export function createControlHandler(control: EmulatorControl) {
  const table = routes(control);
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      const body = method === 'GET' ? { kind: 'none' as const } : await readJsonBody(req);
      if (body.kind === 'invalid' || body.kind === 'too-large' || body.kind === 'wrong-type') {
        throw emulatorErrors.EMULATOR_CONTROL_INVALID({
          message: 'The body must be a JSON object.',
        });
      }
      const json = body.kind === 'json' ? body.value : {};
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw emulatorErrors.EMULATOR_CONTROL_INVALID({
          message: 'The body must be a JSON object.',
        });
      }
      const path = url.pathname;
      for (const route of table) {
        if (route.method !== method) continue;
        const match = route.pattern.exec(path);
        if (!match) continue;
        const params = match.slice(1).map((part) => decodeURIComponent(part));
        const result = route.handler({ params, body: json as Body, query: url.searchParams });
        return sendJson(res, 200, result);
      }
      throw emulatorErrors.EMULATOR_CONTROL_NOT_FOUND({ details: { method, path } });
    } catch (error) {
      if (!isAppError(error)) throw error;
      sendJson(res, error.status, {
        code: error.code,
        message: error.message,
        details: error.details ?? null,
      });
    }
  };
}
