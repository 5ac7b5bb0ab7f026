import type { HttpContext } from '@adonisjs/core/http'
import { tenancy } from '#core/public/tenancy'
import RequestPortalLink from '#portal/actions/request_portal_link'
import { consumePortalLink } from '#portal/actions/consume_portal_link'
import { logPortalAccess } from '#portal/actions/log_portal_access'
import { endPortalSession, startPortalSession } from '#portal/auth/portal_session'
import { consumeAddressBudget } from '#portal/auth/link_rate_limits'
import { portalLinkRequestValidator } from '#portal/validators/portal_login'

export const LINK_SENT_MESSAGE = 'If this address has portal access, a link is on its way. It works once, within 15 minutes.'
const TOO_MANY_MESSAGE = 'Too many sign-in links were asked for. Wait a few minutes and try again.'

/** An integration or script (JSON), rather than the sign-in page. */
function wantsJson({ request }: HttpContext) {
  return !request.header('x-inertia') && request.accepts(['html', 'json']) === 'json'
}

/** Client contacts sign in by magic link: ask for one, use it once, sign out. */
export default class PortalLoginController {
  show({ inertia, response, portalSession }: HttpContext) {
    if (portalSession) return response.redirect('/portal')
    return inertia.render('portal/login')
  }

  /** The same answer whether or not the address is known, and whatever it matches. */
  async send(ctx: HttpContext) {
    const { request, response, session } = ctx
    const { email } = await request.validateUsing(portalLinkRequestValidator)
    const waitSeconds = await consumeAddressBudget(email)
    if (waitSeconds !== null) {
      if (wantsJson(ctx) || !request.header('x-inertia')) {
        response.header('retry-after', String(Math.max(1, waitSeconds)))
        return response.status(429).send(wantsJson(ctx) ? { errors: [{ message: TOO_MANY_MESSAGE }] } : TOO_MANY_MESSAGE)
      }
      session.flash('error', TOO_MANY_MESSAGE)
      return response.redirect('/portal/login')
    }
    await new RequestPortalLink().handle(email)
    if (wantsJson(ctx)) return { sent: true }
    session.flash('success', LINK_SENT_MESSAGE)
    return response.redirect('/portal/login')
  }

  /** `GET /portal/auth/:token`: a good link signs in once; anything else is a clear page, never an error. */
  async consume(ctx: HttpContext) {
    const { params, response, inertia } = ctx
    const identity = await consumePortalLink(String(params.token ?? ''))
    if (!identity) {
      response.status(410)
      return inertia.render('portal/link_expired')
    }
    // Another contact signed in in this browser: that session ends, the new one replaces it.
    if (ctx.portalSession) {
      await tenancy.client().from('portal_sessions').where('id', ctx.portalSession.sessionId).update({ ended_at: new Date() })
    }
    await startPortalSession(ctx, identity)
    await tenancy.enter({ agencyId: identity.agencyId, userId: null, role: 'client', clientId: identity.clientId, contactId: identity.contactId })
    await logPortalAccess('sign_in', { type: 'contact', id: identity.contactId, detail: 'magic link' })
    return response.redirect('/portal')
  }

  async logout(ctx: HttpContext) {
    const { response, session } = ctx
    if (ctx.portalSession) await logPortalAccess('sign_out', { type: 'contact', id: ctx.portalSession.contactId })
    await endPortalSession(ctx, ctx.portalSession)
    ctx.portalSession = null
    if (wantsJson(ctx)) return { signedOut: true }
    session.flash('success', 'You are signed out.')
    return response.redirect('/portal/login')
  }
}
