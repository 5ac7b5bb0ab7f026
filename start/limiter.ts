import limiter from '@adonisjs/limiter/services/main'
import { authFormsPerMinute, requestsPerMinute } from '#config/limiter'

/** 200 requests a minute per signed-in user (pages and API alike), counted in Redis. */
export const throttleUser = limiter.define('user', (ctx) =>
  limiter.allowRequests(requestsPerMinute).every('1 minute').usingKey(`user:${ctx.auth.user!.id}`)
)

/** Sign-in, sign-up and reset forms: per client IP, against password guessing and mail flooding. */
export const throttleAuthForms = limiter.define('auth_forms', (ctx) =>
  limiter.allowRequests(authFormsPerMinute).every('1 minute').usingKey(`ip:${ctx.request.ip()}`)
)

/** The same 200 requests a minute for each signed-in client contact in the portal. */
export const throttleContact = limiter.define('contact', (ctx) =>
  limiter.allowRequests(requestsPerMinute).every('1 minute').usingKey(`contact:${ctx.portalSession!.contactId}`)
)
