import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { tenancy } from '#core/tenancy/tenant_context'
import { enterClaimedIdentity } from '#core/tenancy/claimed_identity'

/**
 * Runs the rest of the request in one transaction whose tenant context is the
 * agency the session or bearer token claims; authentication then verifies the
 * claim inside it. Any error, or an error status, rolls the whole request back:
 * route errors never reach this `next()` (the router renders them), so the
 * exception handler marks the scope failed — a validation error answered with
 * a redirect must not commit what the action wrote before it.
 */
export default class TenantContextMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    return runInTenantTransaction(ctx, next, enterClaimedIdentity)
  }
}

/** The request in one tenant transaction whose identity `claim` sets first (staff here; the portal its own). */
export function runInTenantTransaction(ctx: HttpContext, next: NextFn, claim: (ctx: HttpContext) => Promise<void>) {
  return tenancy.run(async (scope) => {
    await claim(ctx)
    await next()
    if ((scope.failed || ctx.response.getStatus() >= 400) && !scope.trx.isCompleted) await scope.trx.rollback()
  })
}
