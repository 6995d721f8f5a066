import type { Command } from 'commander';
import { SYSTEM_ACTOR, slugify } from '../../auth/index.ts';
import { output, withServices } from '../cli-context.ts';

/** `tracegate admin create|reset-password`: operator access without the API. */
export function registerAdminCommand(program: Command): void {
  const admin = program.command('admin').description('Manage administrators');

  admin
    .command('create')
    .description(
      'Create an organization admin (and the organization if it does not exist); prints a one-time password',
    )
    .requiredOption('--email <email>', 'e-mail of the admin')
    .requiredOption('--name <name>', 'full name of the admin')
    .requiredOption('--org <slug>', 'organization slug (created if missing)')
    .option('--org-name <name>', 'display name for a new organization (defaults to the slug)')
    .option('--platform', 'also make them a platform admin (deployment-wide settings)')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        email: string;
        name: string;
        org: string;
        orgName?: string;
        platform?: boolean;
        json?: boolean;
      }) => {
        await withServices(async (services) => {
          const person = {
            email: options.email,
            name: options.name,
            isPlatformAdmin: options.platform === true,
          };
          const slug = slugify(options.org);
          const existing = await services.organizations.findBySlug(slug);
          const result = existing
            ? await services.identity.addMember(
                { ...SYSTEM_ACTOR, organizationId: existing.id },
                { ...person, role: 'admin' },
              )
            : await services.identity.createOrganization(SYSTEM_ACTOR, {
                name: options.orgName ?? options.org,
                slug,
                admin: person,
              });
          const password = result.oneTimePassword?.reveal() ?? null;
          output(
            options.json,
            { organization: slug, email: person.email, oneTimePassword: password },
            password
              ? `admin ${person.email} of ${slug}; one-time password: ${password}`
              : `${person.email} (existing account, password unchanged) is now admin of ${slug}`,
          );
        });
      },
    );

  admin
    .command('reset-password')
    .description(
      "Replace a person's password with a one-time password and sign them out everywhere",
    )
    .requiredOption('--email <email>', 'e-mail of the account')
    .option('--json', 'print the result as JSON')
    .action(async (options: { email: string; json?: boolean }) => {
      await withServices(async (services) => {
        const password = (await services.identity.resetPassword(options.email)).reveal();
        output(
          options.json,
          { email: options.email, oneTimePassword: password },
          `one-time password: ${password}`,
        );
      });
    });
}
