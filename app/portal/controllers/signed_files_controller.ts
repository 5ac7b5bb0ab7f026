import type { HttpContext } from '@adonisjs/core/http'
import { tenancy } from '#core/public/tenancy'
import { workspaceHeader } from '#projects/public/project_workspace'
import { sendDeliverableFile } from '#portal/files/deliverable_files'
import { verifyDeliverableUrl } from '#portal/files/signed_url'
import Deliverable from '#portal/models/deliverable'

/**
 * `GET /files/deliverables/:id?agency=…&expires=…&signature=…` — no session:
 * the signature is the authorization. Expired or altered → 403. A valid link
 * reads the deliverable as `system` of the agency named in the signed
 * payload (and only that agency), logs the download and streams the file.
 */
export default class SignedFilesController {
  async show(ctx: HttpContext) {
    const { params, request, response } = ctx
    const check = verifyDeliverableUrl(String(params.id), request.qs())
    if (!check.ok) {
      return response.forbidden({
        errors: [{ message: check.reason === 'expired' ? 'This link has expired: ask for a new one' : 'This link is not valid' }],
      })
    }
    const file = await tenancy.run(
      async () => {
        const deliverable = await Deliverable.find(check.deliverableId)
        if (!deliverable) return null
        const project = await workspaceHeader(deliverable.projectId)
        if (project) {
          await tenancy
            .client()
            .table('portal_access_logs')
            .insert({
              agency_id: check.agencyId,
              client_id: project.clientId,
              contact_id: null,
              action: 'download',
              subject_type: 'deliverable',
              subject_id: deliverable.id,
              detail: `Signed link: ${deliverable.fileName}`.slice(0, 500),
              ip: request.ip()?.slice(0, 64) ?? null,
            })
        }
        return { path: deliverable.filePath, name: deliverable.fileName, contentType: deliverable.contentType, sizeBytes: deliverable.sizeBytes }
      },
      { agencyId: check.agencyId, role: 'system', userId: null }
    )
    if (!file) return response.notFound({ errors: [{ message: 'This file is no longer available' }] })
    return sendDeliverableFile(ctx, file)
  }
}
