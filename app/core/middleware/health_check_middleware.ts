import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, fail) => setTimeout(() => fail(new Error('timeout')), ms))])

/**
 * GET /health answered before routing, so it needs neither a session (Redis)
 * nor a tenant transaction (PostgreSQL) to report that one of them is down.
 */
export default class HealthCheckMiddleware {
  async handle({ request, response }: HttpContext, next: NextFn) {
    if (request.url() !== '/health' || request.method() !== 'GET') return next()
    const [database, cache] = await Promise.allSettled([
      within(db.connection('app').rawQuery('select 1'), 2000),
      within(redis.ping(), 2000),
    ])
    const body = {
      status: database.status === 'fulfilled' && cache.status === 'fulfilled' ? 'ok' : 'error',
      db: database.status === 'fulfilled' ? 'ok' : 'error',
      redis: cache.status === 'fulfilled' ? 'ok' : 'error',
    }
    response.status(body.status === 'ok' ? 200 : 503).json(body)
  }
}
