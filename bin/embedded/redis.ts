/* Embedded Redis: a redis-server from PATH (or REDIS_SERVER_BIN), else redis-memory-server. */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort, pidAlive, portIsOpen, waitFor, type Mode, type OwnedService, type Started } from './process_utils.js'

function findRedisBinary(): string | null {
  if (process.env.REDIS_SERVER_BIN) return process.env.REDIS_SERVER_BIN
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

export async function startRedis(mode: Mode, baseDir: string): Promise<Started> {
  const port =
    mode === 'ephemeral' ? await freePort() : Number(process.env.EMBEDDED_REDIS_PORT ?? 63790)
  const url = `redis://127.0.0.1:${port}`
  const dataDir = join(baseDir, 'redis')
  mkdirSync(dataDir, { recursive: true })
  const pidFile = join(dataDir, 'redis.pid')
  if (mode === 'persistent' && existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'))
    if (pidAlive(pid) && (await portIsOpen(port))) return { url, service: null }
  }

  const binary = findRedisBinary()
  if (!binary) {
    // No redis-server on this machine: redis-memory-server fetches or builds one.
    const { RedisMemoryServer } = await import('redis-memory-server')
    const server = await RedisMemoryServer.create({ instance: { port, ip: '127.0.0.1' } })
    return { url, service: { name: 'redis', stop: async () => void (await server.stop()), kill: () => void server.stop() } }
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
  const service: OwnedService = {
    name: 'redis',
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGTERM')
    },
  }
  return { url, service }
}
