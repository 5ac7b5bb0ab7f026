import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import autocannon from 'autocannon'
import db from '@adonisjs/lucid/services/db'

export interface Figures {
  p50: number
  p99: number
  perSecond: number
  errors: number
}

/**
 * The production build as its own process (built first, as `npm start` does),
 * with the per-user rate limit lifted so it measures the app, not the limiter.
 */
export async function startServer(appRoot: string, port: number): Promise<ChildProcess> {
  await new Promise<void>((resolve, reject) => {
    const build = spawn(process.execPath, ['ace.js', 'build'], { cwd: appRoot, stdio: 'ignore' })
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ace build failed (${code})`))))
  })
  const child = spawn(process.execPath, ['bin/server.js'], {
    cwd: join(appRoot, 'build'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const until = Date.now() + 60_000
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok).catch(() => false)
    if (ok) return child
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('the server did not start within 60 s')
}

export function stopServer(child: ChildProcess) {
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGINT')
}

/** HTTP load on one endpoint, each request with the next token (so every agency's context is exercised). */
export async function measureHttp(url: string, tokens: string[], seconds: number, connections: number): Promise<Figures> {
  let next = 0
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request: any) => ({
          ...request,
          headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
        }),
      },
    ],
  })
  return { p50: result.latency.p50, p99: result.latency.p99, perSecond: result.requests.average, errors: result.non2xx + result.errors }
}

/** The endpoint's own SQL, run directly as the runtime role in a tenant transaction, one at a time. */
export async function measureSql(sql: string, agencyIds: string[], seconds: number): Promise<Figures> {
  const durations: number[] = []
  const until = Date.now() + seconds * 1000
  let i = 0
  while (Date.now() < until) {
    const agencyId = agencyIds[i++ % agencyIds.length]
    const started = process.hrtime.bigint()
    await db.connection('app').transaction(async (trx) => {
      await trx.rawQuery(`select set_config('app.agency_id', ?, true), set_config('app.role', 'owner', true)`, [agencyId])
      await trx.rawQuery(sql)
    })
    durations.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  durations.sort((a, b) => a - b)
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]
  return { p50: at(0.5), p99: at(0.99), perSecond: durations.length / seconds, errors: 0 }
}
