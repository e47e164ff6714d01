import pg from "pg";

/**
 * PostgreSQL's side of the test databases: one migrated template database per run, and a copy of it
 * per test file (CREATE DATABASE … TEMPLATE copies files, like the SQLite suite's file copy).
 * TEST_POSTGRES_URL names the server (any database on it, e.g. …/postgres); scripts/pg-cluster.sh
 * starts a throwaway one.
 */
export function postgresTestServerUrl(): string | undefined {
  return process.env.TEST_POSTGRES_URL?.trim() || undefined;
}

export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlOn(serverUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function createDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${quote(database)}${template ? ` TEMPLATE ${quote(template)}` : ""}`));
}

/** Drops every database whose name starts with `prefix` (a run's template and copies). */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`);
  });
}
