import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** A portal page or API call needs a live portal session: pages go to the sign-in page, the API answers 401. */
export default class PortalAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.portalSession) return next()
    if (ctx.request.url().startsWith('/api/')) {
      return ctx.response.status(401).send({ errors: [{ message: 'Sign in to the client portal' }] })
    }
    return ctx.response.redirect('/portal/login')
  }
}
