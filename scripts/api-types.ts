import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/api/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { NO_METRC_PROBE } from '../src/credentials/index.ts';
import { createDatabase, migrateToLatest } from '../src/db/index.ts';
import { createLogger, systemClock } from '../src/lib/index.ts';
import { openServices } from '../src/main/services.ts';

/** Where the console's typed API client finds the server's paths and bodies. */
export const API_TYPES_PATH = 'web/src/api/openapi-types.ts';

const HEADER = `// Generated from the server's own OpenAPI document by \`npm run docs\`; do not edit.
// \`npm run docs:check\` fails when it no longer matches the routes in src/api.
`;

/** The server's OpenAPI document, from the real app on a throwaway SQLite database. */
export async function serverOpenApiDocument(): Promise<OpenAPI3> {
  const dir = mkdtempSync(join(tmpdir(), 'tg-openapi-'));
  const config = loadConfig({
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', TRACEGATE_DATA_DIR: dir },
    cwd: dir,
  });
  const database = createDatabase(config.database);
  try {
    await migrateToLatest(database.db, database.dialect);
    const services = await openServices({
      config,
      database,
      clock: systemClock,
      logger: createLogger({ level: 'silent' }),
      metrcProbe: NO_METRC_PROBE,
    });
    const app = await buildApp(services);
    const document = app.swagger() as unknown as OpenAPI3;
    await app.close();
    return document;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** TypeScript types of every API path, for openapi-fetch in the console. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(await serverOpenApiDocument());
  return HEADER + astToString(ast);
}
