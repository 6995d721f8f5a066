import { type Kysely, sql } from 'kysely';
import type { Dialect } from './create-database.ts';

const IGNORED_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/**
 * A deterministic text description of the live schema (tables, columns, indexes, constraints,
 * triggers). Committed per dialect in `src/db/schema/` so a test notices any drift.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema, typed or not.
export async function describeSchema(db: Kysely<any>, dialect: Dialect): Promise<string> {
  return dialect === 'sqlite' ? describeSqlite(db) : describePostgres(db);
}

async function describeSqlite(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master
    where name not like 'sqlite_%' and tbl_name not in (${sql.join(IGNORED_TABLES)})
    order by case type when 'table' then 0 when 'index' then 1 else 2 end, name`.execute(db);
  return `${rows
    .filter((r) => r.sql)
    .map((r) => `${normalise(r.sql ?? '')};`)
    .join('\n\n')}\n`;
}

async function describePostgres(db: Kysely<unknown>): Promise<string> {
  const ignored = sql.join(IGNORED_TABLES);
  const columns = await sql<{ table_name: string; line: string }>`
    select table_name, column_name || ' ' || data_type
      || case when is_nullable = 'NO' then ' not null' else '' end
      || coalesce(' default ' || column_default, '') as line
    from information_schema.columns
    where table_schema = 'public' and table_name not in (${ignored})
    order by table_name, ordinal_position`.execute(db);
  const constraints = await sql<{ table_name: string; line: string }>`
    select cls.relname as table_name, con.conname || ' ' || pg_get_constraintdef(con.oid) as line
    from pg_constraint con join pg_class cls on cls.oid = con.conrelid
    join pg_namespace ns on ns.oid = cls.relnamespace
    where ns.nspname = 'public' and cls.relname not in (${ignored})
    order by cls.relname, con.conname`.execute(db);
  const indexes = await sql<{ table_name: string; line: string }>`
    select tablename as table_name, indexdef as line from pg_indexes
    where schemaname = 'public' and tablename not in (${ignored})
    order by tablename, indexname`.execute(db);
  const triggers = await sql<{ table_name: string; line: string }>`
    select event_object_table as table_name,
      trigger_name || ' ' || action_timing || ' ' || string_agg(event_manipulation, ' or ' order by event_manipulation)
      || ' ' || action_statement as line
    from information_schema.triggers where trigger_schema = 'public'
    group by event_object_table, trigger_name, action_timing, action_statement
    order by event_object_table, trigger_name`.execute(db);

  const tables = [...new Set(columns.rows.map((r) => r.table_name))].sort();
  const section = (title: string, rows: { table_name: string; line: string }[], table: string) => {
    const lines = rows.filter((r) => r.table_name === table).map((r) => `    ${r.line}`);
    return lines.length ? [`  ${title}:`, ...lines] : [];
  };
  return `${tables
    .map((table) =>
      [
        `table ${table}`,
        ...section('columns', columns.rows, table),
        ...section('constraints', constraints.rows, table),
        ...section('indexes', indexes.rows, table),
        ...section('triggers', triggers.rows, table),
      ].join('\n'),
    )
    .join('\n\n')}\n`;
}

function normalise(statement: string): string {
  return statement.replace(/[ \t]+\n/g, '\n').trim();
}
