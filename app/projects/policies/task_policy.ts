import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'
import ProjectMember from '#projects/models/project_member'

/** What a project member may change on a task (the rest is the managers'); mirrors tasks_member_update_guard. */
export const MEMBER_TASK_FIELDS = ['status', 'position', 'assigneeId'] as const

/**
 * Tasks, milestones, comments and checklists (the rules of migration 0008):
 * the owner and the project's managers change everything; the rest of the project's
 * members move tasks (status, position), take them (assignee: themselves),
 * comment, and tick checklist items. Whether the project is visible at all is
 * RLS's job (an unseen project or task is a 404 before any policy runs).
 */
export default class TaskPolicy extends BasePolicy {
  async manage(user: StaffIdentity, projectId: string): Promise<AuthorizerResponse> {
    // The same rule as ProjectPolicy.manage: the owner, or a manager who manages this project.
    if (user.role === 'owner' || (user.role === 'manager' && (await teamRole(user.id, projectId)) === 'manager')) return true
    return AuthorizationResponse.deny('Only the owner and the managers of this project can do this', 403)
  }

  async work(user: StaffIdentity, projectId: string): Promise<AuthorizerResponse> {
    if (user.role === 'owner' || (await teamRole(user.id, projectId))) return true
    return AuthorizationResponse.deny('Only the team of this project can work on its tasks', 403)
  }

  /** A member's change: only the status and position, and the assignee only to themselves or from themselves to nobody. */
  async change(
    user: StaffIdentity,
    task: { projectId: string; assigneeUserId: string | null },
    changes: Record<string, unknown>
  ): Promise<AuthorizerResponse> {
    if ((await this.manage(user, task.projectId)) === true) return true
    const work = await this.work(user, task.projectId)
    if (work !== true) return work
    const fields = Object.keys(changes).filter((key) => changes[key] !== undefined)
    if (fields.some((field) => !(MEMBER_TASK_FIELDS as readonly string[]).includes(field))) {
      return AuthorizationResponse.deny('Project members can change only the status, the position and their own assignment', 403)
    }
    if (changes.assigneeId !== undefined && changes.assigneeId !== task.assigneeUserId) {
      const takes = changes.assigneeId === user.id
      const drops = changes.assigneeId === null && task.assigneeUserId === user.id
      if (!takes && !drops) return AuthorizationResponse.deny('Project members can assign a task only to themselves', 403)
    }
    return true
  }
}

async function teamRole(userId: string, projectId: string) {
  const row = await ProjectMember.query().where({ projectId, userId }).first()
  return row?.role ?? null
}
