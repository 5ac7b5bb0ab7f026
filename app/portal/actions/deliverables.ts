/**
 * Deliverables, one transaction per action (the request's): staff upload one
 * (optionally asking the client for approval), a client contact approves it
 * or asks for a revision. A revision request becomes a task in the project's
 * review column, created as `system` of the agency (contacts cannot write
 * tasks); decisions land on the client's timeline, in the audit log and in
 * the portal access log.
 */
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy } from '#core/public/tenancy'
import { contactNames } from '#crm/public/portal_recipients'
import { recordClientEvent } from '#crm/public/timeline'
import { createReviewTask } from '#projects/public/portal_tasks'
import type { WorkspaceHeader } from '#projects/public/project_workspace'
import { workspaceHeader } from '#projects/public/project_workspace'
import { logPortalAccess } from '#portal/actions/log_portal_access'
import { deliverableContentType, storeDeliverableFile } from '#portal/files/deliverable_files'
import NotifyDeliverableApprovalJob from '#portal/jobs/notify_deliverable_approval_job'
import Deliverable from '#portal/models/deliverable'

export interface UploadDeliverableInput {
  title: string
  description?: string
  requiresApproval?: boolean
  file: MultipartFile
}

export class UploadDeliverable {
  /** The caller runs the project (checked by the policy first); RLS repeats it. */
  async handle(project: Pick<WorkspaceHeader, 'id'>, input: UploadDeliverableInput) {
    const agencyId = tenancy.agencyId()
    const id = randomUUID()
    const filePath = await storeDeliverableFile({ agencyId, projectId: project.id, deliverableId: id, file: input.file })
    const requiresApproval = input.requiresApproval ?? false
    const deliverable = await Deliverable.create({
      id,
      projectId: project.id,
      title: input.title,
      description: input.description || null,
      filePath,
      fileName: input.file.clientName.slice(0, 255) || 'file',
      contentType: deliverableContentType(input.file),
      sizeBytes: input.file.size,
      requiresApproval,
      status: requiresApproval ? 'pending' : 'shared',
      uploadedByUserId: tenancy.current()?.userId ?? null,
    })
    await recordAudit({
      entityType: 'deliverable',
      entityId: deliverable.id,
      action: 'uploaded',
      after: {
        projectId: project.id,
        title: deliverable.title,
        fileName: deliverable.fileName,
        sizeBytes: deliverable.sizeBytes,
        status: deliverable.status,
      },
    })
    if (requiresApproval) {
      await dispatchAfterCommit(
        NotifyDeliverableApprovalJob,
        { agencyId, deliverableId: deliverable.id },
        { jobId: `deliverable-approval-${deliverable.id}` }
      )
    }
    return deliverable
  }
}

/** The deliverable as the signed-in contact sees it (another company's: 404). */
export async function findPortalDeliverable(id: string) {
  return Deliverable.query().where('id', id).firstOrFail()
}

export type Decision = { kind: 'approve'; comment?: string } | { kind: 'revision'; comment: string }

/** A client contact decides a deliverable that asks for approval. */
export class DecideDeliverable {
  async handle(deliverableId: string, decision: Decision) {
    const scope = tenancy.current()
    if (scope?.role !== 'client' || !scope.contactId || !scope.clientId) throw new Error('DecideDeliverable runs for a signed-in contact')
    const seen = await findPortalDeliverable(deliverableId)
    if (seen.status !== 'pending') {
      throw new ConflictException(
        seen.requiresApproval ? 'This deliverable has already been decided' : 'This deliverable does not ask for approval'
      )
    }
    // Locking applies the contact's UPDATE rule: only a pending deliverable of their company.
    const deliverable = await Deliverable.query().where('id', seen.id).forUpdate().first()
    if (!deliverable || deliverable.status !== 'pending') throw new ConflictException('This deliverable has already been decided')

    const before = { status: deliverable.status }
    deliverable.merge({
      status: decision.kind === 'approve' ? 'approved' : 'revision_requested',
      decidedAt: DateTime.now(),
      decidedByContactId: scope.contactId,
      decisionComment: decision.comment?.trim() || null,
    })
    await deliverable.save()
    await recordAudit({
      entityType: 'deliverable',
      entityId: deliverable.id,
      action: decision.kind === 'approve' ? 'approved' : 'revision_requested',
      before,
      after: { status: deliverable.status, comment: deliverable.decisionComment },
    })

    const clientId = scope.clientId
    const contactId = scope.contactId
    await tenancy.asSystem(async () => {
      const project = await workspaceHeader(deliverable.projectId)
      const who = (await contactNames([contactId])).get(contactId) ?? 'The client'
      if (decision.kind === 'revision') {
        const taskId = await createReviewTask({
          projectId: deliverable.projectId,
          title: `Revision requested: ${deliverable.title}`,
          description: `${who} asked for a revision of “${deliverable.title}” (${deliverable.fileName}) in the client portal:\n\n${decision.comment.trim()}`,
        })
        await Deliverable.query().where('id', deliverable.id).update({ revisionTaskId: taskId })
        deliverable.revisionTaskId = taskId
      }
      await recordClientEvent({
        clientId,
        kind: decision.kind === 'approve' ? 'deliverable_approved' : 'deliverable_revision_requested',
        body:
          decision.kind === 'approve'
            ? `${who} approved “${deliverable.title}”${project ? ` on ${project.name}` : ''}`
            : `${who} asked for a revision of “${deliverable.title}”${project ? ` on ${project.name}` : ''}`,
        metadata: {
          deliverableId: deliverable.id,
          projectId: deliverable.projectId,
          contactId,
          comment: deliverable.decisionComment,
          taskId: deliverable.revisionTaskId,
        },
      })
    })
    await logPortalAccess(decision.kind === 'approve' ? 'approve' : 'request_revision', {
      type: 'deliverable',
      id: deliverable.id,
      detail: deliverable.title,
    })
    return deliverable
  }
}
