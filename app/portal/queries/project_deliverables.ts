/**
 * The deliverables and feedback of one project, shaped for the contact's
 * portal project page (`ProjectDeliverables.vue`) and for the staff Files
 * tab. Both read under the caller's RLS: a contact sees only their company's
 * projects; feedback progress is read from the tasks it became (review tasks
 * are visible to the client).
 */
import { contactNames } from '#crm/public/portal_recipients'
import { taskStatuses } from '#projects/public/portal_tasks'
import { feedbackStatus, type FeedbackDto, type PortalProjectDeliverables, type StaffProjectFiles } from '#portal/dtos/deliverable'
import { toPortalDeliverable, toStaffDeliverable } from '#portal/dtos/deliverable_mapping'
import Deliverable from '#portal/models/deliverable'
import PortalFeedback from '#portal/models/portal_feedback'

export type { PortalProjectDeliverables, StaffProjectFiles }

async function read(projectId: string) {
  const deliverables = await Deliverable.query().where('projectId', projectId).orderBy('createdAt', 'desc').orderBy('id')
  const feedback = await PortalFeedback.query().where('projectId', projectId).orderBy('createdAt', 'desc').orderBy('id').limit(200)
  const statuses = await taskStatuses(feedback.map((row) => row.taskId).filter((id): id is string => id !== null))
  const titles = new Map(deliverables.map((row) => [row.id, row.title]))
  const toFeedback = (row: PortalFeedback): FeedbackDto => ({
    id: row.id,
    projectId: row.projectId,
    deliverableId: row.deliverableId,
    deliverableTitle: row.deliverableId ? (titles.get(row.deliverableId) ?? null) : null,
    body: row.body,
    status: feedbackStatus(row.taskId ? statuses.get(row.taskId) : null),
    taskId: row.taskId,
    createdAt: row.createdAt.toISO()!,
  })
  return { deliverables, feedback, toFeedback }
}

/** For the contact's project page: call it inside the portal request (role `client`). */
export async function portalProjectDeliverables(projectId: string): Promise<PortalProjectDeliverables> {
  const { deliverables, feedback, toFeedback } = await read(projectId)
  return { deliverables: deliverables.map(toPortalDeliverable), feedback: feedback.map(toFeedback) }
}

/** For the staff Files tab: who decided and who sent each feedback. */
export async function staffProjectFiles(projectId: string): Promise<StaffProjectFiles> {
  const { deliverables, feedback, toFeedback } = await read(projectId)
  const names = await contactNames([
    ...deliverables.map((row) => row.decidedByContactId).filter((id): id is string => id !== null),
    ...feedback.map((row) => row.contactId),
  ])
  return {
    deliverables: deliverables.map((row) => toStaffDeliverable(row, names)),
    feedback: feedback.map((row) => ({ ...toFeedback(row), contact: { id: row.contactId, name: names.get(row.contactId) ?? null } })),
  }
}
