import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import InviteToPortal from '#portal/actions/invite_to_portal'
import RevokePortalAccess from '#portal/actions/revoke_portal_access'
import PortalAccessPolicy from '#portal/policies/portal_access_policy'
import { listPortalActivity } from '#portal/queries/portal_activity'
import { portalActivityQueryValidator } from '#portal/validators/portal_login'
import { clientNames } from '#crm/public/clients'

const notFound = () => new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })

/** Staff API: portal access of a client's contacts, and the client's portal access log. */
export default class ApiPortalAccessController {
  /** `POST /api/contacts/:id/portal-invitation` → `{ contact, invited: true }` */
  async invite({ params, bouncer }: HttpContext) {
    await bouncer.with(PortalAccessPolicy).authorize('manage')
    const contact = await new InviteToPortal().handle(params.id)
    if (!contact) throw notFound()
    return { contact, invited: true }
  }

  /** `DELETE /api/contacts/:id/portal-access` → `{ contact, sessionsEnded }` */
  async revoke({ params, bouncer }: HttpContext) {
    await bouncer.with(PortalAccessPolicy).authorize('manage')
    const result = await new RevokePortalAccess().handle(params.id)
    if (!result) throw notFound()
    return result
  }

  /** `GET /api/clients/:id/portal-activity?page=&perPage=` → `{ entries, total, page, perPage }` */
  async activity({ params, request, bouncer }: HttpContext) {
    await bouncer.with(PortalAccessPolicy).authorize('manage')
    if (!(await clientNames([params.id])).has(params.id)) throw notFound()
    const query = await portalActivityQueryValidator.validate(request.qs())
    return listPortalActivity(params.id, query)
  }
}
