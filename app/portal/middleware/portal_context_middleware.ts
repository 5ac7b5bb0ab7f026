import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { runInTenantTransaction } from '#core/public/request_tenancy'
import { resolvePortalSession, type PortalSession } from '#portal/auth/portal_session'

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** The signed-in client contact's portal session, when there is one. */
    portalSession: PortalSession | null
  }
}

/**
 * Portal requests run in one tenant transaction whose identity comes from the
 * portal cookie only (role `client`, with the contact's company), never from a
 * staff session or token in the same request.
 */
export default class PortalContextMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    return runInTenantTransaction(ctx, next, async () => {
      ctx.portalSession = await resolvePortalSession(ctx)
    })
  }
}
