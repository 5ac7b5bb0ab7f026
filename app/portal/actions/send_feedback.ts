/**
 * A client contact's feedback on a project (optionally about one of its
 * deliverables) becomes a task in the project's review column for the team,
 * in the request's transaction: the feedback is written as the contact (RLS:
 * their company's project only), the task as `system` of the agency through
 * projects' public seam. It lands on the client's timeline and in the portal
 * access log.
 */
import { Exception } from '@adonisjs/core/exceptions'
import { fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { contactNames } from '#crm/public/portal_recipients'
import { recordClientEvent } from '#crm/public/timeline'
import { createReviewTask } from '#projects/public/portal_tasks'
import { workspaceHeader } from '#projects/public/project_workspace'
import { logPortalAccess } from '#portal/actions/log_portal_access'
import type { FeedbackStatus } from '#portal/dtos/deliverable'
import Deliverable from '#portal/models/deliverable'
import PortalFeedback from '#portal/models/portal_feedback'

export interface FeedbackInput {
  projectId: string
  deliverableId?: string
  body: string
}

function excerpt(text: string, length: number) {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > length ? `${line.slice(0, length - 1)}…` : line
}

export default class SendFeedback {
  async handle(input: FeedbackInput): Promise<{ feedback: PortalFeedback; status: FeedbackStatus }> {
    const scope = tenancy.current()
    if (scope?.role !== 'client' || !scope.contactId || !scope.clientId) throw new Error('SendFeedback runs for a signed-in contact')
    const { clientId, contactId } = scope

    // A project of another company (or none) is a 404: never reveal that it exists.
    const project = await workspaceHeader(input.projectId)
    if (!project || project.clientId !== clientId) throw new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    let deliverable: Deliverable | null = null
    if (input.deliverableId) {
      deliverable = await Deliverable.query().where('id', input.deliverableId).where('projectId', project.id).first()
      if (!deliverable) fieldError('deliverableId', 'Choose a deliverable of this project', 'exists')
    }

    const feedback = await PortalFeedback.create({
      projectId: project.id,
      clientId,
      contactId,
      deliverableId: deliverable?.id ?? null,
      body: input.body,
    })

    await tenancy.asSystem(async () => {
      const who = (await contactNames([contactId])).get(contactId) ?? 'The client'
      const about = deliverable ? ` about “${deliverable.title}”` : ''
      const taskId = await createReviewTask({
        projectId: project.id,
        title: `Client feedback${deliverable ? ` on ${deliverable.title}` : ''}: ${excerpt(input.body, 80)}`,
        description: `${who} sent feedback${about} in the client portal:\n\n${input.body}`,
      })
      await PortalFeedback.query().where('id', feedback.id).update({ taskId })
      feedback.taskId = taskId
      await recordClientEvent({
        clientId,
        kind: 'portal_feedback',
        body: `${who} sent feedback on ${project.name}${about}: ${excerpt(input.body, 200)}`,
        metadata: { feedbackId: feedback.id, projectId: project.id, deliverableId: deliverable?.id ?? null, contactId, taskId },
      })
    })
    await logPortalAccess('feedback', { type: 'project', id: project.id, detail: deliverable ? deliverable.title : project.name })
    return { feedback, status: 'pending' }
  }
}
