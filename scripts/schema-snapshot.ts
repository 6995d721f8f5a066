// Rewrites src/db/schema/<dialect>.sql from a freshly migrated database of each dialect.
// Run after adding a migration: npm run schema:snapshot
import { writeFileSync } from 'node:fs';
import { describeSchema, schemaSnapshotPath } from '../src/db/index.ts';
import { createTestDatabase, DIALECTS } from '../test/helpers/test-db.ts';

for (const dialect of DIALECTS) {
  const database = await createTestDatabase(dialect);
  try {
    writeFileSync(schemaSnapshotPath(dialect), await describeSchema(database.db, dialect));
    console.log(`wrote src/db/schema/${dialect}.sql`);
  } finally {
    await database.drop();
  }
}
