import type { Command } from 'commander';
import { isRole, type Role } from '../../auth/index.ts';
import { commonErrors } from '../../lib/index.ts';
import { output, withServices } from '../cli-context.ts';

/** `tracegate token create`: an API token for a machine client, printed once. */
export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create an API token for an organization; the value is printed once')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--name <name>', 'what the token is for, e.g. "POS terminal 3"')
    .option('--role <role>', 'admin, manager or staff', 'staff')
    .option('--json', 'print the result as JSON')
    .action(async (options: { org: string; name: string; role: string; json?: boolean }) => {
      if (!isRole(options.role)) {
        throw commonErrors.REQUEST_INVALID({ message: `--role must be admin, manager or staff` });
      }
      const role: Role = options.role;
      await withServices(async (services) => {
        const organization = await services.organizations.findBySlug(options.org);
        if (!organization)
          throw commonErrors.NOT_FOUND({ message: `No organization "${options.org}".` });
        const created = await services.apiTokens.create(
          { organizationId: organization.id, role: 'admin', userId: null, tokenId: null },
          { name: options.name, role },
        );
        output(
          options.json,
          {
            token: created.token,
            id: created.apiToken.id,
            name: options.name,
            role,
            organization: options.org,
          },
          `${created.token}\n(shown once; send it as "Authorization: Bearer <token>")`,
        );
      });
    });
}
