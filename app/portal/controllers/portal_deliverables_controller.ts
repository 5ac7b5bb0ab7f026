import type { HttpContext } from '@adonisjs/core/http'
import { flashingConflicts } from '#core/public/http'
import { Exception } from '@adonisjs/core/exceptions'
import { workspaceHeader } from '#projects/public/project_workspace'
import { tenancy } from '#core/public/tenancy'
import { DecideDeliverable, findPortalDeliverable } from '#portal/actions/deliverables'
import { logPortalAccess } from '#portal/actions/log_portal_access'
import SendFeedback from '#portal/actions/send_feedback'
import { toPortalDeliverable } from '#portal/dtos/deliverable_mapping'
import { PORTAL_LINK_SECONDS, signDeliverableUrl } from '#portal/files/signed_url'
import { portalProjectDeliverables } from '#portal/queries/project_deliverables'
import { approveValidator, feedbackApiValidator, feedbackPageValidator, revisionValidator } from '#portal/validators/deliverables'

/** A fresh signed link (1 h) to the contact's deliverable; the download is logged as theirs. */
async function portalDownloadLink(deliverableId: string) {
  const deliverable = await findPortalDeliverable(deliverableId)
  await logPortalAccess('download', { type: 'deliverable', id: deliverable.id, detail: deliverable.fileName })
  return signDeliverableUrl({ deliverableId: deliverable.id, agencyId: tenancy.agencyId(), ttlSeconds: PORTAL_LINK_SECONDS })
}


/** The contact's side of deliverables and feedback: portal pages (forms) and the portal API. */
export default class PortalDeliverablesController {
  // Pages ------------------------------------------------------------------

  async download({ params, response }: HttpContext) {
    const link = await portalDownloadLink(params.id)
    return response.redirect(link.path)
  }

  async approve(ctx: HttpContext) {
    const { comment } = await ctx.request.validateUsing(approveValidator)
    return flashingConflicts(ctx, async () => {
      await new DecideDeliverable().handle(ctx.params.id, { kind: 'approve', comment })
      ctx.session.flash('success', 'Thank you: the deliverable is approved')
      return ctx.response.redirect().back()
    })
  }

  async revision(ctx: HttpContext) {
    await findPortalDeliverable(ctx.params.id)
    const { comment } = await ctx.request.validateUsing(revisionValidator)
    return flashingConflicts(ctx, async () => {
      await new DecideDeliverable().handle(ctx.params.id, { kind: 'revision', comment })
      ctx.session.flash('success', 'Your revision request was sent to the team')
      return ctx.response.redirect().back()
    })
  }

  async feedback(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(feedbackPageValidator)
    await new SendFeedback().handle({ projectId: ctx.params.id, ...input })
    ctx.session.flash('success', 'Thank you: your feedback was sent to the team')
    return ctx.response.redirect().back()
  }

  // API --------------------------------------------------------------------

  /** `GET /api/portal/projects/:id/deliverables` → `{ deliverables, feedback }` */
  async apiIndex({ params }: HttpContext) {
    const project = await workspaceHeader(params.id)
    if (!project || project.clientId !== tenancy.current()?.clientId) throw new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    return portalProjectDeliverables(project.id)
  }

  /** `GET /api/portal/deliverables/:id/download` → `{ url, expiresAt }` (a fresh 1 h link) */
  async apiDownload({ params }: HttpContext) {
    const link = await portalDownloadLink(params.id)
    return { url: link.url, path: link.path, expiresAt: link.expiresAt.toISOString() }
  }

  /** `POST /api/portal/deliverables/:id/approve` `{ comment? }` → `{ deliverable }` */
  async apiApprove({ params, request }: HttpContext) {
    const { comment } = await request.validateUsing(approveValidator)
    const deliverable = await new DecideDeliverable().handle(params.id, { kind: 'approve', comment })
    return { deliverable: toPortalDeliverable(deliverable) }
  }

  /** `POST /api/portal/deliverables/:id/revision` `{ comment }` → `{ deliverable }` */
  async apiRevision({ params, request }: HttpContext) {
    await findPortalDeliverable(params.id)
    const { comment } = await request.validateUsing(revisionValidator)
    const deliverable = await new DecideDeliverable().handle(params.id, { kind: 'revision', comment })
    return { deliverable: toPortalDeliverable(deliverable) }
  }

  /** `POST /api/portal/feedback` `{ projectId, deliverableId?, body }` → 201 `{ feedback: { id, status: "pending" } }` */
  async apiFeedback({ request, response }: HttpContext) {
    const input = await request.validateUsing(feedbackApiValidator)
    const { feedback, status } = await new SendFeedback().handle(input)
    return response.created({ feedback: { id: feedback.id, status, projectId: feedback.projectId, deliverableId: feedback.deliverableId, taskId: feedback.taskId } })
  }
}
