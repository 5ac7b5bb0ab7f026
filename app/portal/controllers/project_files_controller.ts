import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { tenancy } from '#core/public/tenancy'
import { workspaceHeader } from '#projects/public/project_workspace'
import { UploadDeliverable } from '#portal/actions/deliverables'
import { DELIVERABLE_ACCEPT, DELIVERABLE_TYPES_LABEL, MAX_DELIVERABLE_LABEL, readDeliverableUpload } from '#portal/files/deliverable_files'
import { MAX_SHARE_DAYS, MIN_SHARE_DAYS, PORTAL_LINK_SECONDS, signDeliverableUrl } from '#portal/files/signed_url'
import Deliverable from '#portal/models/deliverable'
import DeliverablePolicy from '#portal/policies/deliverable_policy'
import { staffProjectFiles } from '#portal/queries/project_deliverables'
import { shareLinkValidator, uploadDeliverableValidator } from '#portal/validators/deliverables'

/** The project (RLS: one the user cannot see is a 404). */
export async function staffProject(projectId: string) {
  const project = await workspaceHeader(projectId)
  if (!project) throw new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
  return project
}

/** A deliverable of that project the user sees (else 404). */
export async function staffDeliverable(projectId: string, deliverableId: string) {
  return Deliverable.query().where('id', deliverableId).where('projectId', projectId).firstOrFail()
}

/** A share link: staff choose 1 to 7 days. */
export function shareLink(deliverable: Deliverable, days: number) {
  const link = signDeliverableUrl({ deliverableId: deliverable.id, agencyId: deliverable.agencyId, ttlSeconds: days * 24 * 60 * 60 })
  return { deliverableId: deliverable.id, url: link.url, expiresAt: link.expiresAt.toISOString(), days }
}

/**
 * The project workspace's Files tab (`/projects/:id/files`): served by the
 * portal, which owns deliverables, in the staff page group. Projects links
 * the tab without importing the portal.
 */
export default class ProjectFilesController {
  async index({ params, inertia, auth, bouncer, session }: HttpContext) {
    const project = await staffProject(params.id)
    const canManage = await bouncer.with(DeliverablePolicy).allows('manage', project)
    const { deliverables, feedback } = await staffProjectFiles(project.id)
    return inertia.render('portal/staff/project_files', {
      project: { id: project.id, name: project.name, status: project.status, client: project.client },
      deliverables,
      feedback,
      can: { manage: canManage },
      upload: { accept: DELIVERABLE_ACCEPT, maxLabel: MAX_DELIVERABLE_LABEL, typesLabel: DELIVERABLE_TYPES_LABEL },
      share: { minDays: MIN_SHARE_DAYS, maxDays: MAX_SHARE_DAYS },
      shareLink: (canManage && session.flashMessages.get('shareLink')) || null,
      viewer: auth.user!.role,
    })
  }

  async store(ctx: HttpContext) {
    const project = await staffProject(ctx.params.id)
    await ctx.bouncer.with(DeliverablePolicy).authorize('manage', project)
    await readDeliverableUpload(ctx)
    const input = await ctx.request.validateUsing(uploadDeliverableValidator)
    const deliverable = await new UploadDeliverable().handle(project, input)
    ctx.session.flash(
      'success',
      deliverable.status === 'pending' ? 'Deliverable shared: the client is asked to approve it' : 'Deliverable shared with the client'
    )
    return ctx.response.redirect(`/projects/${project.id}/files`)
  }

  async share({ params, request, response, bouncer, session }: HttpContext) {
    const project = await staffProject(params.id)
    await bouncer.with(DeliverablePolicy).authorize('manage', project)
    const deliverable = await staffDeliverable(project.id, params.deliverableId)
    const { days } = await request.validateUsing(shareLinkValidator)
    session.flash('shareLink', shareLink(deliverable, days))
    session.flash('success', `Share link created: it works for ${days} day${days === 1 ? '' : 's'}`)
    return response.redirect(`/projects/${project.id}/files`)
  }

  /** Anyone on the project downloads through a fresh short signed link. */
  async download({ params, response }: HttpContext) {
    const project = await staffProject(params.id)
    const deliverable = await staffDeliverable(project.id, params.deliverableId)
    const link = signDeliverableUrl({ deliverableId: deliverable.id, agencyId: tenancy.agencyId(), ttlSeconds: PORTAL_LINK_SECONDS })
    return response.redirect(link.path)
  }
}
