import type { Command } from 'commander';
import { commonErrors } from '../../lib/index.ts';
import {
  isSyncResource,
  type SyncProgress,
  type SyncRunResult,
  syncErrors,
} from '../../sync/index.ts';
import { EXIT_FAILURE, output, withServices } from '../cli-context.ts';

const BAR_WIDTH = 24;

/** A progress bar on a terminal; plain lines (one per window) otherwise. */
function progressReporter(stream: NodeJS.WriteStream) {
  let lastLine = '';
  let lastKey = '';
  return {
    update(p: SyncProgress) {
      const windowShare = p.totalPages > 0 ? Math.min(1, p.pageNumber / p.totalPages) : 1;
      const share = p.windowCount > 0 ? (p.windowIndex + windowShare) / p.windowCount : 1;
      const text = `${p.licenseNumber} ${p.stream}  window ${p.windowIndex + 1}/${p.windowCount}  page ${p.pageNumber}/${Math.max(p.totalPages, 1)}  ${p.recordsStored} records`;
      if (stream.isTTY) {
        const filled = Math.round(share * BAR_WIDTH);
        const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${text}`;
        stream.write(`\r${line.padEnd(lastLine.length)}`);
        lastLine = line;
        return;
      }
      // Plain: a line when a window is done (its last page), never one per page.
      const key = `${p.stream}:${p.windowIndex}`;
      if (p.pageNumber >= p.totalPages && key !== lastKey) {
        lastKey = key;
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (stream.isTTY && lastLine) stream.write('\n');
    },
  };
}

function summary(result: SyncRunResult): string {
  const lines = result.streams.map(
    (s) =>
      `  ${s.stream.padEnd(22)} ${String(s.records).padStart(7)} records  ${String(s.pages).padStart(5)} pages${s.rejected ? `  ${s.rejected} rejected` : ''}${s.gapsHealed ? `  ${s.gapsHealed} healed` : ''}`,
  );
  return [
    `${result.licenseNumber}: ${result.status}${result.errorCode ? ` (${result.errorCode})` : ''}`,
    ...lines,
  ].join('\n');
}

/** `tracegate sync --license X`: pull one license into the mirror now, in this process. */
export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description(
      'Pull a license from Metrc into the mirror now (needs METRC_BASE_URL_TEMPLATE and a facility key)',
    )
    .requiredOption('--license <number>', 'Metrc license number')
    .option('--org <slug>', 'organization (needed only when several have the license)')
    .option('--resource <name>', 'only this resource, e.g. packages')
    .option('--since <time>', 'pull from this time (ISO-8601), e.g. 2026-01-01')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        license: string;
        org?: string;
        resource?: string;
        since?: string;
        json?: boolean;
      }) => {
        if (options.resource !== undefined && !isSyncResource(options.resource))
          throw syncErrors.SYNC_RESOURCE_UNKNOWN({ details: { resource: options.resource } });
        let since: Date | undefined;
        if (options.since !== undefined) {
          since = new Date(options.since);
          if (Number.isNaN(since.getTime()) || since.getTime() > Date.now())
            throw syncErrors.SYNC_SINCE_INVALID({ details: { since: options.since } });
        }
        const result = await withServices(async (services) => {
          let organizationId: number | null = null;
          if (options.org) {
            const organization = await services.organizations.findBySlug(options.org);
            if (!organization)
              throw commonErrors.NOT_FOUND({ message: `No organization "${options.org}".` });
            organizationId = organization.id;
          }
          const reporter = progressReporter(process.stderr);
          try {
            return await services.sync.syncLicense(organizationId, options.license, {
              resources:
                options.resource && isSyncResource(options.resource)
                  ? [options.resource]
                  : undefined,
              since,
              onProgress: reporter.update,
            });
          } finally {
            reporter.done();
          }
        });
        output(options.json, result, summary(result));
        if (result.status !== 'ok') process.exitCode = EXIT_FAILURE;
      },
    );
}
