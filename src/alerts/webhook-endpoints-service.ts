import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { Principal } from '../auth/index.ts';
import type { DB, WebhookEndpointRow } from '../db/index.ts';
import { type Clock, Secret, toTimestamp } from '../lib/index.ts';
import type { Vault } from '../vault/index.ts';
import { ALERT_KINDS } from './alert-types.ts';
import { alertsErrors } from './alerts-errors.ts';
import type { WebhookEndpointsRepo } from './webhook-endpoints-repo.ts';
import { assertPublicWebhookHost, type HostLookup, systemLookup } from './webhook-target.ts';

/** Bytes of a signing secret (Standard Webhooks asks for 24 to 64). */
export const WEBHOOK_SECRET_BYTES = 32;

/** An endpoint as the API shows it: never its signing secret, which is shown once. */
export interface WebhookEndpointView {
  id: number;
  url: string;
  description: string;
  kinds: string[];
  onResolve: boolean;
  enabled: boolean;
  /** Last four characters of the signing secret, to tell secrets apart. */
  secretFingerprint: string;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookEndpointInput {
  url: string;
  description?: string;
  kinds?: string[];
  onResolve?: boolean;
  enabled?: boolean;
}

/** A signing secret in the Standard Webhooks form `whsec_<base64>`. */
export function newWebhookSecret(): Secret {
  return new Secret(`whsec_${randomBytes(WEBHOOK_SECRET_BYTES).toString('base64')}`);
}

/**
 * Per-organization webhook endpoints. Signing secrets are treated like Metrc keys (rule 2):
 * generated here, sealed by the vault before the row is written, shown once in the answer to
 * create or rotate, never again; rotating or deleting destroys the old data key.
 */
export function createWebhookEndpointsService(deps: {
  db: Kysely<DB>;
  repo: WebhookEndpointsRepo;
  vault: Pick<Vault, 'seal' | 'open' | 'destroy'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  /** When false, URLs whose host is or resolves to a non-public address are refused. */
  allowPrivate: boolean;
  lookup?: HostLookup;
}) {
  const { db, repo, vault, audit, clock } = deps;

  /** Well-formed, and (unless allowed) public: delivery checks again, as DNS can change. */
  async function checkUrl(text: string): Promise<string> {
    const url = parseUrl(text);
    if (!deps.allowPrivate) await assertPublicWebhookHost(url, deps.lookup ?? systemLookup);
    return url.toString();
  }

  async function seal(secret: Secret) {
    const ref = `webhook_endpoint:${randomUUID()}`;
    return {
      secret_ref: ref,
      sealed_secret: await vault.seal(ref, secret),
      secret_fingerprint: secret.fingerprint(),
    };
  }

  async function create(actor: Principal, input: WebhookEndpointInput) {
    const url = await checkUrl(input.url);
    const kinds = checkKinds(input.kinds ?? []);
    const secret = newWebhookSecret();
    const sealed = await seal(secret);
    const at = toTimestamp(clock.now());
    try {
      const row = await db.transaction().execute(async (trx) => {
        const created = await repo.insert(
          {
            organization_id: actor.organizationId,
            url,
            description: input.description ?? '',
            kinds: JSON.stringify(kinds),
            on_resolve: input.onResolve ? 1 : 0,
            enabled: input.enabled === false ? 0 : 1,
            ...sealed,
            created_by_user_id: actor.userId,
            created_at: at,
            updated_at: at,
          },
          trx,
        );
        await audit.record(
          {
            organizationId: actor.organizationId,
            actor,
            action: 'webhook_endpoint.created',
            target: { type: 'webhook_endpoint', id: created.id },
            details: { url: redactUrl(url), kinds, secretFingerprint: secret.fingerprint() },
          },
          trx,
        );
        return created;
      });
      return { endpoint: toView(row), secret };
    } catch (error) {
      await vault.destroy(sealed.secret_ref);
      throw error;
    }
  }

  async function find(organizationId: number, id: number) {
    const row = await repo.find(organizationId, id);
    if (!row) throw alertsErrors.WEBHOOK_ENDPOINT_NOT_FOUND();
    return row;
  }

  async function list(organizationId: number): Promise<WebhookEndpointView[]> {
    const rows = await repo.list(organizationId);
    return rows.map(toView);
  }

  async function update(actor: Principal, id: number, input: Partial<WebhookEndpointInput>) {
    const current = await find(actor.organizationId, id);
    const values = {
      ...(input.url !== undefined && { url: await checkUrl(input.url) }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.kinds !== undefined && { kinds: JSON.stringify(checkKinds(input.kinds)) }),
      ...(input.onResolve !== undefined && { on_resolve: input.onResolve ? 1 : 0 }),
      ...(input.enabled !== undefined && { enabled: input.enabled ? 1 : 0 }),
      updated_at: toTimestamp(clock.now()),
    };
    await db.transaction().execute(async (trx) => {
      await repo.update(actor.organizationId, id, values, trx);
      await audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: 'webhook_endpoint.updated',
          target: { type: 'webhook_endpoint', id },
          details: { changed: Object.keys(values).filter((k) => k !== 'updated_at') },
        },
        trx,
      );
    });
    return toView(await find(actor.organizationId, current.id));
  }

  /** A new signing secret, shown once; the old one stops working at once. */
  async function rotateSecret(actor: Principal, id: number) {
    const current = await find(actor.organizationId, id);
    const secret = newWebhookSecret();
    const sealed = await seal(secret);
    try {
      await db.transaction().execute(async (trx) => {
        await repo.update(
          actor.organizationId,
          id,
          { ...sealed, updated_at: toTimestamp(clock.now()) },
          trx,
        );
        await audit.record(
          {
            organizationId: actor.organizationId,
            actor,
            action: 'webhook_endpoint.secret_rotated',
            target: { type: 'webhook_endpoint', id },
            details: { secretFingerprint: secret.fingerprint() },
          },
          trx,
        );
      });
    } catch (error) {
      await vault.destroy(sealed.secret_ref);
      throw error;
    }
    await vault.destroy(current.secret_ref);
    return { endpoint: toView(await find(actor.organizationId, id)), secret };
  }

  async function remove(actor: Principal, id: number) {
    const current = await find(actor.organizationId, id);
    await db.transaction().execute(async (trx) => {
      await repo.delete(actor.organizationId, id, trx);
      await audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: 'webhook_endpoint.deleted',
          target: { type: 'webhook_endpoint', id },
          details: { url: redactUrl(current.url) },
        },
        trx,
      );
    });
    await vault.destroy(current.secret_ref);
  }

  /** The signing secret, for the one place it leaves the process: the signature. */
  function secretOf(row: Pick<WebhookEndpointRow, 'secret_ref' | 'sealed_secret'>) {
    return vault.open(row.secret_ref, row.sealed_secret);
  }

  return { create, list, update, rotateSecret, remove, secretOf };
}

export type WebhookEndpointsService = ReturnType<typeof createWebhookEndpointsService>;

function toView(row: WebhookEndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    kinds: JSON.parse(row.kinds) as string[],
    onResolve: row.on_resolve === 1,
    enabled: row.enabled === 1,
    secretFingerprint: row.secret_fingerprint,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw alertsErrors.WEBHOOK_URL_INVALID();
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password) {
    throw alertsErrors.WEBHOOK_URL_INVALID();
  }
  return url;
}

function checkKinds(kinds: string[]): string[] {
  for (const kind of kinds) {
    if (!(ALERT_KINDS as readonly string[]).includes(kind)) {
      throw alertsErrors.ALERT_KIND_UNKNOWN({ details: { kind } });
    }
  }
  return [...new Set(kinds)].sort();
}

/** Audit details keep the host and path, not a query string that might carry a token. */
function redactUrl(text: string): string {
  const url = new URL(text);
  return `${url.origin}${url.pathname}`;
}
