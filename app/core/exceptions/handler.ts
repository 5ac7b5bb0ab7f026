import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { tenancy } from '#core/tenancy/tenant_context'

interface ErrorLike {
  code?: string
  status?: number
  message?: string
}

/** PostgreSQL errors that only bad input can cause: answered as 422/409/404, never 500. */
const PG_INPUT_ERRORS: Record<string, number> = {
  '22P02': 404, // invalid text representation (e.g. a malformed id)
  '22001': 422, // string too long
  '22021': 422, // NUL byte / invalid UTF-8 in text
  '22P05': 422, // untranslatable character
  '22003': 422, // numeric out of range
  '23514': 422, // check constraint
  '23502': 422, // not null
  '23505': 409, // unique violation
  '23503': 409, // foreign key
  '23P01': 409, // exclusion constraint (e.g. overlapping time, when a concurrent write won)
  '42501': 404, // RLS refused the row: never reveal it exists
  TL409: 409, // our triggers: a locked record (submitted time…); the message is written for people
}

/** SQLSTATEs whose message our own SQL wrote for the user, so it is shown as it is. */
const OWN_MESSAGES = new Set(['TL409'])

const MESSAGES: Record<number, string> = {
  401: 'Authentication required',
  403: 'You are not allowed to do this',
  404: 'Not found',
  409: 'This conflicts with the current state of the resource',
  422: 'The request could not be processed',
  429: 'Too many requests',
}

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction
  protected renderStatusPages = app.inProduction

  /** Inertia pages where the request went through the page stack; plain text elsewhere (unknown URLs, /api). */
  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': (_, ctx) => (ctx.inertia ? ctx.inertia.render('core/errors/not_found') : ctx.response.status(404).send('Not found')),
    '500..599': (_, ctx) =>
      ctx.inertia ? ctx.inertia.render('core/errors/server_error') : ctx.response.status(500).send('Something went wrong'),
  }

  private wantsJson(ctx: HttpContext) {
    return ctx.request.url().startsWith('/api/') || ctx.request.accepts(['html', 'json']) === 'json'
  }

  async handle(error: unknown, ctx: HttpContext) {
    tenancy.markFailed()
    const err = error as ErrorLike
    const pgStatus = err?.code ? PG_INPUT_ERRORS[err.code] : undefined
    if (pgStatus) {
      const message = OWN_MESSAGES.has(err.code!) && err.message ? err.message : MESSAGES[pgStatus]
      return this.wantsJson(ctx)
        ? ctx.response.status(pgStatus).send({ errors: [{ message }] })
        : super.handle(Object.assign(new Error(message), { status: pgStatus }), ctx)
    }
    if (err?.code === 'E_ROW_NOT_FOUND' || err?.code === 'E_ROUTE_NOT_FOUND') {
      if (this.wantsJson(ctx)) return ctx.response.status(404).send({ errors: [{ message: MESSAGES[404] }] })
    }
    // Exceptions with their own `handle` (validation, auth, throttle) already answer JSON with headers.
    const selfHandled = typeof (error as { handle?: unknown })?.handle === 'function'
    if (this.wantsJson(ctx) && !selfHandled && err?.code !== 'E_VALIDATION_ERROR' && typeof err?.status === 'number' && err.status < 500) {
      return ctx.response.status(err.status).send({ errors: [{ message: err.message || MESSAGES[err.status] }] })
    }
    return super.handle(error, ctx)
  }

}
