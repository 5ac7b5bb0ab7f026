import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import autocannon from 'autocannon'
import db from '@adonisjs/lucid/services/db'

export interface Figures {
  p50: number
  p95: number
  p99: number
  perSecond: number
  errors: number
}

/** One statement of an endpoint's SQL, with its bindings. */
export interface SqlStatement {
  sql: string
  bindings?: (string | number)[]
}

/** An API endpoint and what it boils down to in SQL, for the side-by-side figures. */
export interface Endpoint {
  path: string
  sql: SqlStatement[]
  note?: string
}

function percentiles(durations: number[], seconds: number, errors: number): Figures {
  const sorted = [...durations].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: sorted.length / seconds, errors }
}

/**
 * The production build as its own process (built first, as `npm start` does),
 * with the per-user rate limit lifted so it measures the app, not the limiter.
 */
export async function startServer(appRoot: string, port: number, options: { build: boolean }): Promise<ChildProcess> {
  if (options.build) {
    await new Promise<void>((resolve, reject) => {
      const build = spawn(process.execPath, ['ace.js', 'build'], { cwd: appRoot, stdio: 'ignore' })
      build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ace build failed (${code}): run it to see why`))))
    })
  }
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

const WARMUP_SECONDS = 1

/**
 * HTTP load on one endpoint, each request with the next token (so every
 * agency's context is exercised), after a short warm-up that is not counted
 * (the JIT, the pool's connections). Latencies are collected per response:
 * autocannon's own summary has no p95.
 */
export async function measureHttp(url: string, tokens: string[], seconds: number, connections: number): Promise<Figures> {
  await load(url, tokens, WARMUP_SECONDS, connections)
  return load(url, tokens, seconds, connections)
}

async function load(url: string, tokens: string[], seconds: number, connections: number): Promise<Figures> {
  let next = 0
  const latencies: number[] = []
  const options: autocannon.Options = {
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
  }
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)))
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  })
  return percentiles(latencies, seconds, result.non2xx + result.errors)
}

/** The endpoint's own SQL, run directly as the runtime role in a tenant transaction, one request at a time. */
export async function measureSql(statements: SqlStatement[], agencyIds: string[], seconds: number): Promise<Figures> {
  const durations: number[] = []
  const until = Date.now() + seconds * 1000
  let i = 0
  while (Date.now() < until) {
    const agencyId = agencyIds[i++ % agencyIds.length]
    const started = process.hrtime.bigint()
    await db.connection('app').transaction(async (trx) => {
      await trx.rawQuery(`select set_config('app.agency_id', ?, true), set_config('app.role', 'owner', true)`, [agencyId])
      for (const statement of statements) await trx.rawQuery(statement.sql, statement.bindings ?? [])
    })
    durations.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return percentiles(durations, seconds, 0)
}
