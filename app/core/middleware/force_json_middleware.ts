import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** /api routes always answer JSON (errors included), whatever the client's Accept header says. */
export default class ForceJsonMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.request.url().startsWith('/api/')) ctx.request.request.headers.accept = 'application/json'
    return next()
  }
}
