/*
| Rate limits on asking for sign-in links, counted in Redis: per client IP
| (the same budget as the staff sign-in forms) and per address, so nobody
| floods a contact's inbox. Both apply whether or not the address is known.
*/
import { createHash } from 'node:crypto'
import limiter from '@adonisjs/limiter/services/main'
import { errors } from '@adonisjs/limiter'
import { authFormsPerMinute } from '#config/limiter'

/** At most this many link requests per address in 15 minutes. */
export const LINK_REQUESTS_PER_ADDRESS = 5

export const throttlePortalLinksPerIp = limiter.define('portal_links_ip', (ctx) =>
  limiter.allowRequests(authFormsPerMinute).every('1 minute').usingKey(`portal-links-ip:${ctx.request.ip()}`)
)

/**
 * Counts one request for the address; the seconds to wait when over the
 * limit, else null. The key is a hash: addresses are not kept in Redis.
 */
export async function consumeAddressBudget(email: string): Promise<number | null> {
  const key = `portal-links-email:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`
  try {
    await limiter.use({ requests: LINK_REQUESTS_PER_ADDRESS, duration: '15 mins' }).consume(key)
    return null
  } catch (error) {
    if (error instanceof errors.ThrottleException) return error.response.availableIn
    throw error
  }
}
