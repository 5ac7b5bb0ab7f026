import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import InviteToPortal from '#portal/actions/invite_to_portal'
import RevokePortalAccess from '#portal/actions/revoke_portal_access'
import PortalAccessPolicy from '#portal/policies/portal_access_policy'

const notFound = () => new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })

/** The client page's contact buttons: invite to the portal, revoke access. Both return to the client page. */
export default class PortalAccessController {
  async invite({ params, response, bouncer, session }: HttpContext) {
    await bouncer.with(PortalAccessPolicy).authorize('manage')
    const contact = await new InviteToPortal().handle(params.contactId)
    if (!contact) throw notFound()
    session.flash('success', `${contact.name} is invited to the portal: a sign-in link is on its way to ${contact.email}`)
    return response.redirect(`/clients/${contact.clientId}`)
  }

  async revoke({ params, response, bouncer, session }: HttpContext) {
    await bouncer.with(PortalAccessPolicy).authorize('manage')
    const result = await new RevokePortalAccess().handle(params.contactId)
    if (!result) throw notFound()
    session.flash('success', `${result.contact.name} can no longer sign in to the portal`)
    return response.redirect(`/clients/${result.contact.clientId}`)
  }
}
