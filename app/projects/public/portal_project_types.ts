/**
 * The shapes the client portal receives about projects (plain data; the
 * pages import these types, so this file imports nothing).
 */
export type PortalProjectStatus = 'planning' | 'active' | 'on_hold' | 'completed'
export type PortalTaskStatus = 'todo' | 'in_progress' | 'review' | 'done'

export interface PortalMilestone {
  id: string
  name: string
  /** 'YYYY-MM-DD' */
  dueDate: string | null
  status: 'open' | 'completed'
  completedAt: string | null
}

export interface PortalTask {
  id: string
  title: string
  status: PortalTaskStatus
  milestoneId: string | null
  /** 'YYYY-MM-DD' */
  dueDate: string | null
  completedAt: string | null
  updatedAt: string
}

export interface PortalActivity {
  kind: 'task_completed' | 'task_moved' | 'milestone_completed'
  title: string
  /** The task's status now, for `task_moved`. */
  status?: PortalTaskStatus
  at: string
}

export interface PortalProjectSummary {
  id: string
  name: string
  status: PortalProjectStatus
  /** 0–100 */
  progress: number
  /** 'YYYY-MM-DD' */
  startDate: string | null
  deadline: string | null
  /** The next open milestones, soonest first (undated last). */
  nextMilestones: PortalMilestone[]
}

export interface PortalProjectDetail extends Omit<PortalProjectSummary, 'nextMilestones'> {
  description: string | null
  milestones: PortalMilestone[]
  tasks: PortalTask[]
  recentActivity: PortalActivity[]
}
