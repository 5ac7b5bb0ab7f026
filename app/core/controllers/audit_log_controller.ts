import type { HttpContext } from '@adonisjs/core/http'
import AgencyPolicy from '#core/policies/agency_policy'
import { listAuditEntries } from '#core/queries/list_audit_entries'
import { pageValidator } from '#core/validators/pagination'

export default class AuditLogController {
  async index({ inertia, request, bouncer }: HttpContext) {
    await bouncer.with(AgencyPolicy).authorize('viewAuditLog')
    const { page } = await pageValidator.validate(request.qs())
    return inertia.render('core/settings/audit', await listAuditEntries(page ?? 1))
  }
}
