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
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { startPostgres } from './embedded/postgres.js'
import { startRedis } from './embedded/redis.js'
import type { Mode, OwnedService, Started } from './embedded/process_utils.js'

export { freePort } from './embedded/process_utils.js'

const owned: OwnedService[] = []
let hooksInstalled = false

function storageDir() {
  return resolve(process.env.STORAGE_DIR ?? join(process.cwd(), 'storage'))
}

function own(started: Started) {
  if (started.service) owned.push(started.service)
  return started.url
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
    needsPg ? startPostgres(mode, baseDir).then(own) : process.env.DATABASE_URL!,
    needsRedis ? startRedis(mode, baseDir).then(own) : process.env.REDIS_URL!,
  ])
  process.env.DATABASE_URL = databaseUrl
  process.env.REDIS_URL = redisUrl
  return { databaseUrl, redisUrl }
}
