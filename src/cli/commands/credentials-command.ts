import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../auth/index.ts';
import type { CredentialView } from '../../credentials/index.ts';
import { commonErrors, Secret } from '../../lib/index.ts';
import type { AppServices } from '../../main/services.ts';
import { output, readStdin, withServices } from '../cli-context.ts';

/** The operator acts as an admin of the named organization (audited as the system). */
async function operatorOf(services: AppServices, slug: string) {
  const organization = await services.organizations.findBySlug(slug);
  if (!organization) throw commonErrors.NOT_FOUND({ message: `No organization "${slug}".` });
  return { ...SYSTEM_ACTOR, organizationId: organization.id, role: 'admin' as const };
}

async function keyFromStdin(what: string): Promise<Secret> {
  if (process.stdin.isTTY) process.stderr.write(`Paste the ${what}, then Ctrl-D:\n`);
  return new Secret(await readStdin());
}

/** People's names by id, so lists say whose key it is ("Jordan Lee"), not `user #12`. */
async function namesOf(services: AppServices, organizationId: number) {
  const members = await services.identity.listMembers(organizationId);
  return new Map(members.map((m) => [m.id, m.name]));
}

function describe(c: CredentialView, names?: Map<number, string>): string {
  const name = c.ownerUserId === null ? undefined : names?.get(c.ownerUserId);
  const owner = c.kind === 'user' ? ` ${name ?? `user #${c.ownerUserId}`}` : '';
  const licenses = c.licenses.map((l) => l.number).join(', ') || 'no licenses';
  const reason = c.statusReason ? ` (${c.statusReason})` : '';
  return `#${c.id}  ${c.state.toUpperCase()} ${c.kind}${owner}  ${c.fingerprint}  ${c.status}${reason}  ${licenses}`;
}

/** `tracegate credentials …`: the same Verify & Save as the API; keys are read from stdin. */
export function registerCredentialsCommand(program: Command): void {
  const credentials = program
    .command('credentials')
    .description("Manage an organization's Metrc keys (verifying needs METRC_BASE_URL_TEMPLATE)");
  const orgOption = ['--org <slug>', 'organization slug'] as const;

  credentials
    .command('list')
    .description('List keys: fingerprint, status, licenses (never the key)')
    .requiredOption(...orgOption)
    .option('--json', 'print the result as JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withServices(async (services) => {
        const actor = await operatorOf(services, options.org);
        const list = await services.credentials.list(actor);
        const names = await namesOf(services, actor.organizationId);
        output(options.json, list, list.map((c) => describe(c, names)).join('\n') || 'no keys');
      });
    });

  credentials
    .command('add')
    .description(
      'Verify & Save a key read from stdin; saved only if Metrc accepts it for every license',
    )
    .requiredOption(...orgOption)
    .requiredOption('--state <code>', 'two-letter state code')
    .requiredOption('--kind <kind>', 'facility or user')
    .option('--owner <email>', 'for a user key: whose key it is')
    .option('--licenses <numbers>', 'comma-separated license numbers (default: all the key covers)')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        org: string;
        state: string;
        kind: string;
        owner?: string;
        licenses?: string;
        json?: boolean;
      }) => {
        if (options.kind !== 'facility' && options.kind !== 'user') {
          throw commonErrors.REQUEST_INVALID({ message: '--kind must be facility or user' });
        }
        const kind = options.kind;
        const key = await keyFromStdin('Metrc API key');
        await withServices(async (services) => {
          const actor = await operatorOf(services, options.org);
          let ownerUserId: number | undefined;
          if (options.owner) {
            const members = await services.identity.listMembers(actor.organizationId);
            ownerUserId = members.find((m) => m.email === options.owner?.toLowerCase())?.id;
            if (ownerUserId === undefined)
              throw commonErrors.NOT_FOUND({ message: `No member ${options.owner}.` });
          }
          const saved = await services.credentials.create(actor, {
            state: options.state,
            kind,
            ownerUserId,
            licenseNumbers: options.licenses?.split(',').map((l) => l.trim()),
            key,
          });
          output(options.json, saved, `saved ${describe(saved)}`);
        });
      },
    );

  credentials
    .command('replace')
    .description(
      'Replace the key of a credential (read from stdin) or its licenses; re-verified first',
    )
    .requiredOption(...orgOption)
    .requiredOption('--id <id>', 'credential id', (v) => Number.parseInt(v, 10))
    .option('--licenses <numbers>', 'change the licenses instead of the key')
    .option('--json', 'print the result as JSON')
    .action(async (options: { org: string; id: number; licenses?: string; json?: boolean }) => {
      const key = options.licenses ? undefined : await keyFromStdin('new Metrc API key');
      await withServices(async (services) => {
        const saved = await services.credentials.update(
          await operatorOf(services, options.org),
          options.id,
          {
            key,
            licenseNumbers: options.licenses?.split(',').map((l) => l.trim()),
          },
        );
        output(options.json, saved, `updated ${describe(saved)}`);
      });
    });

  credentials
    .command('verify')
    .description('Re-verify a key now and show its status and diagnosis')
    .requiredOption(...orgOption)
    .requiredOption('--id <id>', 'credential id', (v) => Number.parseInt(v, 10))
    .option('--json', 'print the result as JSON')
    .action(async (options: { org: string; id: number; json?: boolean }) => {
      await withServices(async (services) => {
        const actor = await operatorOf(services, options.org);
        await services.credentials.get(actor, options.id);
        const checked = await services.credentialHealth.reverify(actor.organizationId, options.id);
        if (!checked) throw commonErrors.NOT_FOUND();
        output(
          options.json,
          checked,
          `${describe(checked)}${checked.diagnosis ? `\n${checked.diagnosis.message}` : ''}`,
        );
      });
    });

  credentials
    .command('delete')
    .description('Delete a credential and destroy its key; confirm with its fingerprint')
    .requiredOption(...orgOption)
    .requiredOption('--id <id>', 'credential id', (v) => Number.parseInt(v, 10))
    .requiredOption('--confirm <fingerprint>', 'the last four characters of the key, as listed')
    .action(async (options: { org: string; id: number; confirm: string }) => {
      await withServices(async (services) => {
        await services.credentials.remove(
          await operatorOf(services, options.org),
          options.id,
          options.confirm,
        );
        process.stdout.write(`deleted credential #${options.id}; its key is destroyed\n`);
      });
    });
}
