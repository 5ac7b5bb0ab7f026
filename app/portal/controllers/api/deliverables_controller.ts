import type { HttpContext } from '@adonisjs/core/http'
import { toStaffDeliverable } from '#portal/dtos/deliverable_mapping'
import { UploadDeliverable } from '#portal/actions/deliverables'
import { readDeliverableUpload } from '#portal/files/deliverable_files'
import { shareLink, staffDeliverable, staffProject } from '#portal/controllers/project_files_controller'
import Deliverable from '#portal/models/deliverable'
import DeliverablePolicy from '#portal/policies/deliverable_policy'
import { staffProjectFiles } from '#portal/queries/project_deliverables'
import { shareLinkValidator, uploadDeliverableValidator } from '#portal/validators/deliverables'

/** Staff API for a project's deliverables (bearer token). */
export default class DeliverablesApiController {
  /** `GET /api/projects/:id/deliverables` → `{ deliverables, feedback }` */
  async index({ params }: HttpContext) {
    const project = await staffProject(params.id)
    return staffProjectFiles(project.id)
  }

  /** `POST /api/projects/:id/deliverables` (multipart: title, description?, requiresApproval?, file) → 201 `{ deliverable }` */
  async store(ctx: HttpContext) {
    const project = await staffProject(ctx.params.id)
    await ctx.bouncer.with(DeliverablePolicy).authorize('manage', project)
    await readDeliverableUpload(ctx)
    const input = await ctx.request.validateUsing(uploadDeliverableValidator)
    const deliverable = await new UploadDeliverable().handle(project, input)
    return ctx.response.created({ deliverable: toStaffDeliverable(deliverable, new Map()) })
  }

  /** `POST /api/deliverables/:id/share-link` `{ days }` (1–7) → 201 `{ shareLink: { url, expiresAt, days } }` */
  async share({ params, request, response, bouncer }: HttpContext) {
    const found = await Deliverable.query().where('id', params.id).firstOrFail()
    const project = await staffProject(found.projectId)
    await bouncer.with(DeliverablePolicy).authorize('manage', project)
    const deliverable = await staffDeliverable(project.id, found.id)
    const { days } = await request.validateUsing(shareLinkValidator)
    return response.created({ shareLink: shareLink(deliverable, days) })
  }
}
