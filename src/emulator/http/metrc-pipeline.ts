/**
 * One Metrc request, in Metrc's order of checks: route (unknown → Metrc's 404, flagged as
 * unimplemented; 405 retired; 404 absent in this state) → outage (503) → injected 5xx/429/timeout/reset → auth (401) → GET limits (429) →
 * injected latency → license, license type and permission (401) → the operation → optionally
 * drop the answer after the write committed, or spoil one record of a list answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RequestLogEntry, RequestOutcome } from '../control/request-log.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { emulatorErrors } from '../emulator-errors.ts';
import { ABSENT_PATHS, RETIRED_PATHS } from '../operations/index.ts';
import type { OperationContext } from '../operations/operation-types.ts';
import { SECTION_GATES } from '../state/facility-types.ts';
import { type MetrcState, parseMetrcState } from '../state/metrc-states.ts';
import type { LicenseRecord } from '../state/records.ts';
import { readJsonBody, sendJson } from './http-io.ts';
import { queryValue } from './list-response.ts';
import { authenticate } from './metrc-auth.ts';
import { MetrcReply, metrcReplies, shapeAuthFailure } from './metrc-replies.ts';
import type { RouteMatch } from './route-table.ts';
import { isOperationAvailable } from './state-availability.ts';

type LogFields = Omit<RequestLogEntry, 'seq' | 'time' | 'durationMs' | 'outcome' | 'status'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleMetrcRequest(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const started = performance.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const log: LogFields = {
    method,
    path: url.pathname,
    state: null,
    license: null,
    vendorKeyId: null,
    userId: null,
    userName: null,
    fault: null,
  };
  // The entry is written before the client can see the outcome (answer, reset, drop), so a
  // client that reads the log right after its request failed always finds it.
  let entry: RequestLogEntry | undefined;
  const elapsed = () => Math.round((performance.now() - started) * 1000) / 1000;
  const record = (outcome: RequestOutcome, status: number | null) => {
    entry ??= core.log.add({
      ...log,
      time: new Date(core.clock.now().getTime()).toISOString(),
      status,
      outcome,
      durationMs: elapsed(),
    });
    return entry;
  };
  res.once('close', () => {
    // A held (timeout) request lasts until the client gives up: its duration ends here.
    if (entry?.outcome === 'timeout') entry.durationMs = elapsed();
    // Answered outside `reply` (an emulator bug's 500), or closed before any answer: the
    // client went away (aborted during latency or upload).
    if (res.writableFinished) record('answered', res.statusCode);
    else record('reset', null);
  });

  const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
    record(res.destroyed ? 'reset' : 'answered', res.destroyed ? null : status);
    sendJson(res, status, body, headers);
  };
  // Until the keys are checked a 401 is about the key; after, it is a denial (license, type,
  // permission), which the `forbidden` auth-failure shape answers with 403.
  let authenticated = false;
  const replyError = (error: MetrcReply) => {
    const shaped = shapeAuthFailure(
      error,
      core.config.authFailures,
      authenticated ? 'denial' : 'key',
    );
    reply(shaped.status, shaped.body, shaped.headers);
  };

  const parts = url.pathname.split('/').slice(1);
  if (parts.length > 1 && parts.at(-1) === '') parts.pop(); // trailing slash is optional
  const metrcState = parseMetrcState(parts[0]);
  if (!metrcState) {
    const error = emulatorErrors.EMULATOR_UNKNOWN_STATE({ details: { prefix: parts[0] ?? '' } });
    return reply(error.status, {
      code: error.code,
      message: error.message,
      details: error.details,
    });
  }
  log.state = metrcState;
  let segments: string[];
  try {
    segments = parts.slice(1).map((part) => decodeURIComponent(part));
  } catch {
    return replyError(metrcReplies.badRequest('The request URI is not valid.'));
  }
  const restPath = `/${segments.join('/')}`;
  const query = new URLSearchParams();
  for (const [name, value] of url.searchParams) query.append(name.toLowerCase(), value);
  log.license = query.get('licensenumber') || null;
  const publicUrl = `http://${req.headers.host ?? 'localhost'}${url.pathname}${url.search}`;

  const match = ['GET', 'POST', 'PUT', 'DELETE'].includes(method)
    ? core.routes.match(method, segments)
    : undefined;
  if (!match) {
    if (RETIRED_PATHS.includes(restPath.toLowerCase()))
      return replyError(metrcReplies.methodNotAllowed(method));
    if (ABSENT_PATHS.includes(restPath.toLowerCase()))
      return replyError(metrcReplies.noSuchResource(publicUrl));
    // Metrc's own 404, so a client reads it as "not offered here" exactly as it would in
    // production; the header and the log flag tell our tests the emulator is the one missing it.
    log.unimplemented = true;
    core.unimplemented.push({ method, state: metrcState, path: restPath });
    return replyError(metrcReplies.notImplemented(publicUrl));
  }
  if (!isOperationAvailable(metrcState, match.operation.key))
    return replyError(metrcReplies.noSuchResource(publicUrl));

  const body = method === 'GET' ? ({ kind: 'none' } as const) : await readJsonBody(req);
  const faults = core.faults.decide(metrcState, method, restPath);
  if (faults.before?.kind === 'outage') {
    log.fault = faults.before.id;
    return replyError(metrcReplies.unavailable());
  }

  const auth = authenticate(core.state, metrcState, req.headers.authorization);
  log.vendorKeyId = auth.vendorKey?.id ?? null;
  log.userId = auth.user?.id ?? null;
  log.userName = auth.user?.name ?? null;

  // Injected failures hit whatever the credentials: a proxy or a sick server does not care.
  const injected = faults.before;
  if (injected) {
    log.fault = injected.id;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (injected.kind === 'status')
      return replyError(metrcReplies.serverError(injected.status ?? 500));
    if (injected.kind === 'rate-limit') {
      return replyError(metrcReplies.tooManyRequests(core.config.limits.retryAfterSeconds));
    }
    if (injected.kind === 'reset') {
      record('reset', null);
      resetConnection(res);
      return;
    }
    record('timeout', null);
    core.held.add(res);
    res.once('close', () => core.held.delete(res));
    if (injected.afterMs !== undefined) setTimeout(() => res.socket?.destroy(), injected.afterMs);
    return;
  }

  if (!auth.ok) return replyError(metrcReplies.unauthorized());
  authenticated = true;
  if (method === 'GET') {
    const release = core.limiter.tryAcquire(
      auth.vendorKey.id,
      log.license ? `${metrcState}:${log.license}` : undefined,
    );
    if (!release)
      return replyError(metrcReplies.tooManyRequests(core.config.limits.retryAfterSeconds));
    res.once('close', release);
  }
  // Latency is server time: the GET holds its in-flight slot meanwhile.
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);

  if (body.kind === 'too-large') return replyError(metrcReplies.bodyTooLarge());
  if (body.kind === 'wrong-type')
    return replyError(metrcReplies.unsupportedMediaType(body.contentType));
  if (body.kind === 'invalid')
    return replyError(metrcReplies.badRequest('The request body is not valid JSON.'));

  let result: unknown;
  try {
    const ctx = authorize(core, match, {
      metrcState,
      query,
      user: auth.user,
      vendorKey: auth.vendorKey,
      body: body.kind === 'json' ? body.value : undefined,
      url: publicUrl,
    });
    result = match.operation.handler(ctx).body;
  } catch (error) {
    if (!(error instanceof MetrcReply)) throw error;
    return replyError(error);
  }
  if (faults.dropAfterCommit) {
    // The operation ran (a write is committed); the client never hears so: an ambiguous failure.
    log.fault = faults.dropAfterCommit.id;
    record('dropped', 200);
    res.socket?.destroy();
    return;
  }
  if (faults.corruptRecord) {
    const rule = faults.corruptRecord;
    const spoiled = corruptOneRecord(result, rule);
    if (spoiled !== undefined && core.faults.hit(rule)) {
      log.fault = rule.id;
      result = spoiled;
    }
  }
  reply(200, result);
}

/**
 * A copy of a list answer with one record's field replaced (Metrc sending a malformed row in a
 * good page); undefined when the answer holds no record to spoil.
 */
function corruptOneRecord(
  body: unknown,
  rule: { field?: string; value?: unknown; recordIndex?: number },
): unknown {
  const envelope = !Array.isArray(body) && typeof body === 'object' && body !== null;
  const data = envelope ? (body as { Data?: unknown }).Data : body;
  if (!Array.isArray(data) || data.length === 0) return undefined;
  const index = Math.min(rule.recordIndex ?? 0, data.length - 1);
  const records = [...data];
  records[index] = { ...(records[index] as object), [rule.field ?? 'Id']: rule.value };
  return envelope ? { ...(body as object), Data: records } : records;
}

/** Resolves `licenseNumber` and checks employment, license type and permissions (all 401). */
function authorize(
  core: EmulatorCore,
  match: RouteMatch,
  input: Pick<OperationContext, 'query' | 'user' | 'vendorKey' | 'body' | 'url'> & {
    metrcState: MetrcState;
  },
): OperationContext {
  const { operation } = match;
  const ctx: OperationContext = {
    ...input,
    state: core.state,
    config: core.config,
    version: operation.version,
    params: match.params,
    license: undefined,
    now: core.clock.now().getTime(),
  };
  if (operation.license === 'none') return ctx;
  const number = queryValue(ctx, 'licenseNumber');
  if (number === undefined) {
    if (operation.license === 'required')
      throw metrcReplies.badRequest('The licenseNumber parameter is required.');
    // By-id and by-label reads: Metrc documents licenseNumber as optional there. The record
    // found names the license, and the caller must be allowed to read it there.
    if (operation.license === 'scoped') {
      ctx.scopeTo = (license) => {
        admit(match, input, license);
        ctx.license = license;
      };
    }
    return ctx;
  }
  const license = core.state.licenses.get(number) ?? core.state.licenses.get(number.toUpperCase());
  admit(match, input, license);
  ctx.license = license;
  return ctx;
}

/** Employment at a license of the caller's state, the license-type gate, permissions (401). */
function admit(
  match: RouteMatch,
  input: Pick<OperationContext, 'user'> & { metrcState: MetrcState },
  license: LicenseRecord | undefined,
): asserts license is LicenseRecord {
  const { operation } = match;
  const employee = license?.employees.get(input.user.id);
  if (!license || license.state !== input.metrcState || !employee)
    throw metrcReplies.unauthorized();
  if (operation.gate && !SECTION_GATES[operation.gate](license.facilityType))
    throw metrcReplies.unauthorized();
  for (const group of operation.permissions ?? []) {
    if (!group.some((name) => employee.permissions.has(name))) throw metrcReplies.unauthorized();
  }
}

/** Closes the connection with a TCP RST, as a crashed proxy would. */
function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}
