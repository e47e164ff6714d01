#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, built on Prisma's WebAssembly schema engine
// (@prisma/schema-engine-wasm) and a driver adapter: @prisma/adapter-better-sqlite3 for "file:" URLs,
// @prisma/adapter-pg for "postgresql://" URLs (the wasm engine takes the adapter factory as its third argument). Our build machines and
// many users' (archives, reading rooms) cannot download the native binary; prisma.config.ts points the
// stock CLI here through PRISMA_SCHEMA_ENGINE_BINARY unless a value is set outside.
//
// It speaks the binary's protocol: `--datamodels <file>... --datasource <json>` and JSON-RPC 2.0 on
// stdin/stdout (one message a line), logs as JSON lines on stderr, and the one-shot commands
// `cli <can-connect-to-database|create-database|drop-database>`. The six quirks of the wasm engine it
// absorbs are listed in README.md ("Offline Prisma"); its test is schema-engine-wasm.test.ts.
// The versions of prisma, @prisma/* and @prisma/schema-engine-wasm are pinned together: re-test on upgrade.
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

const argv = process.argv.slice(2)
const datamodelPaths = []
let datasource = {}
let cliCommand
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  if (a === '--datamodels') datamodelPaths.push(argv[++i])
  else if (a === '--datasource') datasource = JSON.parse(argv[++i])
  else if (a === '--enabled-preview-features' || a === '--extension-types') i++
  else if (a === 'cli') cliCommand = argv[++i]
  else if (a === '--version' || a === '-V') cliCommand = '--version'
}

const log = (level, message, extra = {}) =>
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: 'schema_engine::logger' }) + '\n',
  )

// No datasource (e.g. `migrate diff --from-empty --to-schema`): an in-memory database is enough.
const url = datasource.url || 'file::memory:'
const isPostgres = /^postgres(ql)?:\/\//i.test(url)
if (cliCommand !== '--version' && !isPostgres && !/^file:/.test(url)) {
  log('ERROR', `schema-engine-wasm shim only supports SQLite "file:" and "postgresql://" URLs, got ${JSON.stringify(url.slice(0, 20))}`)
  process.exit(1)
}
if (isPostgres && cliCommand && cliCommand !== '--version') process.exit(await postgresCli(cliCommand))
// Relative paths resolve against the cwd, which the CLI sets to the prisma.config.ts directory.
const dbFile = url.replace(/^file:/, '').replace(/\?.*$/, '')
const dbPath = dbFile === ':memory:' ? dbFile : path.resolve(dbFile)

// ---- one-shot commands (same exit codes / stderr protocol as the binary) -------------------------------------
if (cliCommand) {
  switch (cliCommand) {
    case '--version': {
      const wasm = await loadWasm()
      process.stdout.write(`schema-engine-cli ${wasm.version()} (wasm shim)\n`)
      process.exit(0)
    }
    case 'can-connect-to-database':
      if (dbPath === ':memory:' || fs.existsSync(dbPath)) process.exit(0)
      process.stderr.write('Starting schema engine CLI\n') // the CLI skips the first stderr line
      log('ERROR', `Database \`${path.basename(dbPath)}\` does not exist`, { error_code: 'P1003' })
      process.exit(1)
    case 'create-database':
      fs.mkdirSync(path.dirname(dbPath), { recursive: true })
      fs.closeSync(fs.openSync(dbPath, 'a'))
      process.exit(0)
    case 'drop-database':
      for (const f of [dbPath, `${dbPath}-journal`, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true })
      process.stderr.write('The database was successfully dropped.\n')
      process.exit(0)
    default:
      log('ERROR', `unsupported cli command ${cliCommand}`)
      process.exit(1)
  }
}

// ---- wasm engine ---------------------------------------------------------------------------------------------
async function loadWasm() {
  const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg')
  const wasmPath =
    process.env.PRISMA_SCHEMA_ENGINE_WASM ??
    path.join(path.dirname(fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))), 'schema_engine_bg.wasm')
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), { './schema_engine_bg.js': runtime })
  runtime.__wbg_set_wasm(instance.exports)
  instance.exports.__wbindgen_start()
  return runtime
}

// ---- PostgreSQL one-shot commands: the database named in the URL, through the server's "postgres" database ---------
async function postgresCli(command) {
  const { default: pg } = await import('pg')
  const target = new URL(url)
  const databaseName = decodeURIComponent(target.pathname.slice(1))
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  const client = new pg.Client({ connectionString: command === 'can-connect-to-database' ? url : maintenance.toString() })
  const quoted = `"${databaseName.replaceAll('"', '""')}"`
  try {
    await client.connect()
    if (command === 'create-database') await client.query(`CREATE DATABASE ${quoted}`)
    else if (command === 'drop-database') {
      await client.query(`DROP DATABASE IF EXISTS ${quoted}`)
      process.stderr.write('The database was successfully dropped.\n')
    } else if (command !== 'can-connect-to-database') {
      log('ERROR', `unsupported cli command ${command}`)
      return 1
    }
    return 0
  } catch (e) {
    process.stderr.write('Starting schema engine CLI\n') // the CLI skips the first stderr line
    const missing = e?.code === '3D000'
    log('ERROR', missing ? `Database \`${databaseName}\` does not exist` : String(e?.message ?? e), missing ? { error_code: 'P1003' } : {})
    return 1
  } finally {
    await client.end().catch(() => {})
  }
}

const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils')
const runtime = await loadWasm()
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, 'utf8')])

let openAdapters = []
const PG_CHAR_OID = 18
const PG_TEXT_OID = 25
async function newInnerFactory() {
  if (isPostgres) {
    const { PrismaPg } = await import('@prisma/adapter-pg')
    // Fields, not a connectionString: connectToShadowDb spreads this config with another database name,
    // which a connectionString would override (the shadow database would be the real one).
    const { parse } = await import('pg-connection-string')
    const config = parse(url)
    const factory = new PrismaPg(config)
    // The engine's catalog queries read columns of PostgreSQL's one-byte type "char" (pg_constraint.contype,
    // pg_attribute.attgenerated, ...), which adapter-pg cannot map ("Column type 'char' could not be
    // deserialized"). pg hands their values over as strings already: report them as text.
    const probe = await factory.connect()
    let queryable = Object.getPrototypeOf(Object.getPrototypeOf(probe))
    while (queryable && !Object.hasOwn(queryable, 'performIO')) queryable = Object.getPrototypeOf(queryable)
    await probe.dispose()
    if (queryable && !queryable.performIO.charAsText) {
      const performIO = queryable.performIO
      queryable.performIO = async function (query) {
        const result = await performIO.call(this, query)
        for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID
        return result
      }
      queryable.performIO.charAsText = true
    }
    // adapter-pg's own shadow database is dropped while its pool still holds a connection ("being accessed
    // by other users"): close the shadow pool first, then drop the database.
    factory.connectToShadowDb = async () => {
      const main = await factory.connect()
      const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`
      await main.executeScript(`CREATE DATABASE "${database}"`)
      const shadow = await new PrismaPg({ ...config, database }).connect()
      const dispose = shadow.dispose.bind(shadow)
      shadow.dispose = async () => {
        await dispose()
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`)
        await main.dispose()
      }
      return shadow
    }
    return factory
  }
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3')
  return new PrismaBetterSqlite3(
    { url: `file:${dbPath}` },
    datasource.shadowDatabaseUrl ? { shadowDatabaseUrl: datasource.shadowDatabaseUrl } : undefined,
  )
}
const innerFactory = await newInnerFactory()
function makeAdapterFactory() {
  const inner = innerFactory
  // The engine replays whole migration files into the shadow DB through executeRaw (no args); better-sqlite3's
  // executeRaw uses prepare(), which rejects multi-statement SQL. Route arg-less executeRaw to executeScript (exec).
  // @prisma/adapter-pg's executeScript splits the script at every ";", which breaks functions ($$ … ; … $$):
  // send the whole script in one simple-protocol query instead, which PostgreSQL runs as one transaction.
  const patch = (adapter) => {
    if (isPostgres) {
      const pool = adapter.underlyingDriver()
      adapter.executeScript = async (script) => {
        try {
          await pool.query(script)
        } catch (e) {
          log('ERROR', `PostgreSQL: ${e?.message ?? e}`)
          throw e
        }
      }
    }
    const executeRaw = adapter.executeRaw.bind(adapter)
    adapter.executeRaw = (q) => (q.args.length === 0 ? adapter.executeScript(q.sql).then(() => 0) : executeRaw(q))
    openAdapters.push(adapter)
    return adapter
  }
  return bindMigrationAwareSqlAdapterFactory({
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => patch(await inner.connect()),
    connectToShadowDb: async () => patch(await inner.connectToShadowDb()),
  })
}
const engineLog = (line) => process.stderr.write(line.endsWith('\n') ? line : line + '\n')
const newEngine = () => runtime.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, engineLog, makeAdapterFactory())
let engine = await newEngine()

async function closeAll() {
  for (const a of openAdapters) await a.dispose().catch(() => {})
  openAdapters = []
}

// ---- JSON-RPC ------------------------------------------------------------------------------------------------
const send = (msg) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...msg }) + '\n')
const pendingPrints = new Map()
let printId = 1_000_000
const print = (content) =>
  new Promise((resolve) => {
    const id = printId++
    pendingPrints.set(id, resolve)
    send({ id, method: 'print', params: { content } })
  })

const isShadowCacheMiss = (e) => /shadow DB must be provided through an external factory/.test(e?.message ?? '')

const handlers = {
  async diff(params) {
    const { exitCode, stdout } = await engine.diff(params)
    if (stdout != null) await print(stdout.replace(/\n$/, ''))
    return { exitCode }
  },
  // The wasm engine reports a missing `_prisma_migrations` table as P1014 instead of "not initialized".
  async devDiagnostic(params) {
    try {
      return await engine.devDiagnostic(params)
    } catch (e) {
      if (e?.code !== 'P1014') throw e
      // Creates `_prisma_migrations` (what applyMigrations does next anyway); refuses a non-empty DB with P3005.
      await engine.applyMigrations({ migrationsList: { ...params.migrationsList, migrationDirectories: [] }, filters: params.filters })
      return await engine.devDiagnostic(params)
    }
  },
  async diagnoseMigrationHistory(params) {
    try {
      return await engine.diagnoseMigrationHistory(params)
    } catch (e) {
      if (e?.code !== 'P1014') throw e
      const names = params.migrationsList.migrationDirectories.map((m) => m.path)
      return {
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: false,
        history: names.length ? { diagnostic: 'databaseIsBehind', unappliedMigrationNames: names } : null,
      }
    }
  },
  // evaluateDataLoss/createMigration get no shadow-DB factory in the wasm engine: they rely on the schema that
  // devDiagnostic computed (shadow DB replay) for the same migrations list. Warm that cache on a miss and retry.
  async evaluateDataLoss(params) {
    return withWarmCache(params, () => engine.evaluateDataLoss(params))
  },
  async createMigration(params) {
    return withWarmCache(params, () => engine.createMigration(params))
  },
  // The wasm SQLite reset only DELETEs rows; do what the native engine does for SQLite: empty the file.
  async reset(params) {
    if (isPostgres) return engine.reset(params)
    engine.free()
    await closeAll()
    if (dbPath !== ':memory:') {
      for (const f of [`${dbPath}-journal`, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true })
      fs.closeSync(fs.openSync(dbPath, 'w'))
    }
    engine = await newEngine()
    return null
  },
  async createDatabase() {
    if (isPostgres) return { databaseName: decodeURIComponent(new URL(url).pathname.slice(1)) }
    return { databaseName: path.basename(dbPath) }
  },
  async getDatabaseVersion(params) {
    return engine.version(params)
  },
}
async function withWarmCache(params, fn) {
  try {
    return await fn()
  } catch (e) {
    if (!isShadowCacheMiss(e)) throw e
    await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters })
    return await fn()
  }
}

function errorResponse(e) {
  const isPanic = e instanceof WebAssembly.RuntimeError
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: isPanic, message: String(e?.message ?? e), error_code: e?.code, meta: e?.meta },
  }
}

let queue = Promise.resolve()
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', (line) => {
  if (!line.trim()) return
  const msg = JSON.parse(line)
  if (msg.method === undefined) {
    // response to one of our `print` requests
    pendingPrints.get(msg.id)?.()
    pendingPrints.delete(msg.id)
    return
  }
  queue = queue.then(async () => {
    try {
      const h = handlers[msg.method]
      const result = h ? await h(msg.params) : await engine[msg.method](msg.params)
      send({ id: msg.id, result: result ?? null })
    } catch (e) {
      log('ERROR', String(e?.message ?? e), e?.code ? { error_code: e.code } : {})
      send({ id: msg.id, error: errorResponse(e) })
      if (e instanceof WebAssembly.RuntimeError) process.exit(101)
    }
  })
})
// The CLI ends stdin and then sends SIGTERM right away: close the SQLite connections cleanly in both cases
// (otherwise a `<db>-journal` file is left behind), then exit explicitly, since the wasm engine leaves an
// uncleared 60 s timer behind.
let shuttingDown = false
async function shutdown() {
  if (shuttingDown) return
  shuttingDown = true
  await queue
  await closeAll()
  process.exit(0)
}
rl.on('close', shutdown)
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
