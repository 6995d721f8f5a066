import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { commonErrors } from '../../lib/index.ts';
import type { AppServices } from '../../main/services.ts';
import type { OutboxActor, SubmissionView } from '../../outbox/index.ts';
import { output, withServices } from '../cli-context.ts';

/** The CLI acts as an organization admin (audited without a person), like `token create`. */
async function adminOf(services: AppServices, slug: string): Promise<OutboxActor> {
  const organization = await services.organizations.findBySlug(slug);
  if (!organization) throw commonErrors.NOT_FOUND({ message: `No organization "${slug}".` });
  return { organizationId: organization.id, role: 'admin', userId: null, tokenId: null };
}

/** `@file.json` reads a file, `-` would be ambiguous; anything else is JSON text. */
function jsonArgument(text: string): unknown {
  const raw = text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text;
  try {
    return JSON.parse(raw);
  } catch {
    throw commonErrors.REQUEST_INVALID({ message: 'The payload is not valid JSON.' });
  }
}

function line(s: SubmissionView): string {
  const error = s.lastError ? `  ${s.lastError.code}` : '';
  const who = s.attribution ? ` ${s.attribution}` : '';
  return `#${s.id}  ${s.status.padEnd(9)} ${s.kind.padEnd(22)} license ${s.licenseId}  actor ${s.actorUserId ?? '-'}${who}  ${s.occurredAt}${error}`;
}

/** `tracegate submit` and `tracegate submissions …`: the outbox from the command line. */
export function registerSubmissionsCommand(program: Command): void {
  program
    .command('submit')
    .description('Queue an action for Metrc (reported by the worker, in order, exactly once)')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--license <number>', 'license number or id')
    .requiredOption('--kind <kind>', 'e.g. sales.receipt.create')
    .requiredOption('--payload <json>', 'the payload, as JSON or @file.json')
    .requiredOption('--actor <userId|ref>', 'who acted: a Tracegate user id, or ref:<externalRef>')
    .option('--occurred-at <iso>', 'when it happened (ISO-8601 with a zone); default now')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        org: string;
        license: string;
        kind: string;
        payload: string;
        actor: string;
        occurredAt?: string;
        json?: boolean;
      }) => {
        await withServices(async (services) => {
          const principal = await adminOf(services, options.org);
          const actor = options.actor.startsWith('ref:')
            ? { externalRef: options.actor.slice(4) }
            : { userId: Number.parseInt(options.actor, 10) };
          const view = await services.outbox.service.enqueue(principal, {
            license: options.license,
            kind: options.kind,
            payload: jsonArgument(options.payload),
            actor,
            occurredAt: options.occurredAt,
          });
          output(options.json, view, `queued ${line(view)}`);
        });
      },
    );

  const submissions = program.command('submissions').description('See and steer the outbox');
  submissions
    .command('list')
    .description('The submissions log, newest first')
    .requiredOption('--org <slug>', 'organization slug')
    .option('--license <number>', 'only this license')
    .option('--status <status>', 'queued, held, sending, sent, failed or dismissed')
    .option('--kind <kind>', 'only this kind')
    .option('--user <id>', 'only this actor')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        org: string;
        license?: string;
        status?: string;
        kind?: string;
        user?: string;
        limit: string;
        json?: boolean;
      }) => {
        await withServices(async (services) => {
          const principal = await adminOf(services, options.org);
          const rows = await services.outbox.service.list(principal.organizationId, {
            license: options.license,
            status: options.status as SubmissionView['status'] | undefined,
            kind: options.kind,
            actorUserId: options.user ? Number.parseInt(options.user, 10) : undefined,
            limit: Number.parseInt(options.limit, 10),
          });
          output(options.json, { submissions: rows }, rows.map(line).join('\n') || '(none)');
        });
      },
    );

  submissions
    .command('show <id>')
    .description("One submission with its payload and Metrc's answer")
    .requiredOption('--org <slug>', 'organization slug')
    .action(async (id: string, options: { org: string }) => {
      await withServices(async (services) => {
        const principal = await adminOf(services, options.org);
        const detail = await services.outbox.service.get(principal.organizationId, Number(id));
        output(true, detail, '');
      });
    });

  const steer = (
    name: string,
    description: string,
    run: (
      services: AppServices,
      principal: OutboxActor,
      id: number,
      options: Record<string, string>,
    ) => Promise<SubmissionView>,
  ) =>
    submissions
      .command(`${name} <id>`)
      .description(description)
      .requiredOption('--org <slug>', 'organization slug')
      .option('--payload <json>', 'retry only: the fixed payload, as JSON or @file.json')
      .option('--reason <text>', 'dismiss only: why')
      .option('--json', 'print the result as JSON')
      .action(async (id: string, options: Record<string, string> & { json?: boolean }) => {
        await withServices(async (services) => {
          const principal = await adminOf(services, options.org ?? '');
          const view = await run(services, principal, Number(id), options);
          output(options.json, view, `${name}: ${line(view)}`);
        });
      });

  steer('retry', 'Send a failed submission again (with --payload: fixed first)', (s, p, id, o) =>
    s.outbox.service.retry(p, id, o.payload ? { payload: jsonArgument(o.payload) } : {}),
  );
  steer('dismiss', 'Give up on a failed or held submission (never sent)', (s, p, id, o) =>
    s.outbox.service.dismiss(p, id, { reason: o.reason }),
  );
  steer('release', 'Release a held submission to the facility key (not attributed)', (s, p, id) =>
    s.outbox.service.release(p, id),
  );
}
