import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Headers Shield does not set (OWASP ASVS 14.4): no referrer leaks across origins, no powerful browser features. */
export default class SecurityHeadersMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('referrer-policy', 'strict-origin-when-cross-origin')
    response.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    response.header('cross-origin-opener-policy', 'same-origin')
    return next()
  }
}
