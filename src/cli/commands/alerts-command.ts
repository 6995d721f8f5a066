import type { Command } from 'commander';
import { ALERT_KINDS, type AlertView } from '../../alerts/index.ts';
import { commonErrors } from '../../lib/index.ts';
import { output, withServices } from '../cli-context.ts';

function describe(a: AlertView): string {
  const state = a.status === 'open' ? (a.acknowledgedAt ? 'open (seen)' : 'open') : 'resolved';
  return `#${a.id}  ${a.raisedAt.slice(0, 16).replace('T', ' ')}  ${a.severity.padEnd(8)}  ${state.padEnd(11)}  ${a.kind}  ${a.title}`;
}

/** `tracegate alerts list`: the alerts inbox of an organization, as its admins see it. */
export function registerAlertsCommand(program: Command): void {
  const alerts = program.command('alerts').description('Alerts: what needs attention');
  alerts
    .command('list')
    .description('List alerts, newest first')
    .requiredOption('--org <slug>', 'organization slug')
    .option('--status <status>', 'open or resolved (default: both)')
    .option('--kind <kind>', `one of: ${ALERT_KINDS.join(', ')}`)
    .option('--limit <n>', 'how many', '50')
    .option('--evaluate', 'check every condition first (as "check now" in the console)')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        org: string;
        status?: string;
        kind?: string;
        limit: string;
        evaluate?: boolean;
        json?: boolean;
      }) => {
        if (options.status && options.status !== 'open' && options.status !== 'resolved') {
          throw commonErrors.REQUEST_INVALID({ message: '--status must be open or resolved' });
        }
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
          throw commonErrors.REQUEST_INVALID({ message: '--limit must be 1 to 500' });
        }
        await withServices(async (services) => {
          const organization = await services.organizations.findBySlug(options.org);
          if (!organization)
            throw commonErrors.NOT_FOUND({ message: `No organization "${options.org}".` });
          if (options.evaluate) await services.alerts.evaluateNow(organization.id);
          const list = await services.alerts.list(
            { organizationId: organization.id, role: 'admin' },
            {
              status: options.status as 'open' | 'resolved' | undefined,
              kind: options.kind,
              limit,
            },
          );
          output(options.json, list, list.map(describe).join('\n') || 'no alerts');
        });
      },
    );
}
