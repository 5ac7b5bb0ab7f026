export type DeliverableStatus = 'shared' | 'pending' | 'approved' | 'revision_requested'

/** What the client contact sees of a deliverable (portal project page, portal API). */
export interface PortalDeliverableDto {
  id: string
  projectId: string
  title: string
  description: string | null
  fileName: string
  contentType: string
  sizeBytes: number
  requiresApproval: boolean
  status: DeliverableStatus
  decidedAt: string | null
  decisionComment: string | null
  createdAt: string
  /** Answers with a fresh signed link (1 h) and logs the download. */
  downloadUrl: string
  can: { decide: boolean }
}

/** The staff Files tab adds who decided and the revision task. */
export interface StaffDeliverableDto extends Omit<PortalDeliverableDto, 'can'> {
  decidedBy: { id: string; name: string | null } | null
  revisionTaskId: string | null
  uploadedByUserId: string | null
}

/** Feedback progress follows its task: pending (todo, review), in progress, done. */
export type FeedbackStatus = 'pending' | 'in_progress' | 'done'

export interface FeedbackDto {
  id: string
  projectId: string
  deliverableId: string | null
  deliverableTitle: string | null
  body: string
  status: FeedbackStatus
  taskId: string | null
  createdAt: string
  /** Staff see who sent it. */
  contact?: { id: string; name: string | null }
}

/** The portal project page's `extras.deliverables`. */
export interface PortalProjectDeliverables {
  deliverables: PortalDeliverableDto[]
  feedback: FeedbackDto[]
}

/** The staff Files tab's lists. */
export interface StaffProjectFiles {
  deliverables: StaffDeliverableDto[]
  feedback: FeedbackDto[]
}

export function feedbackStatus(taskStatus: string | undefined | null): FeedbackStatus {
  if (taskStatus === 'done') return 'done'
  if (taskStatus === 'in_progress') return 'in_progress'
  return 'pending'
}
