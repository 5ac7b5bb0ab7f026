import type Project from '#projects/models/project'
import type { ProjectStatus } from '#projects/models/project'
import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'

/**
 * planning → active or on hold; active ↔ on hold; active or on hold → completed.
 * Completed is final, except that the owner may reopen it (→ active).
 */
const NEXT: Record<ProjectStatus, ProjectStatus[]> = {
  planning: ['active', 'on_hold'],
  active: ['on_hold', 'completed'],
  on_hold: ['active', 'completed'],
  completed: [],
}

export function allowedStatuses(from: ProjectStatus, isOwner: boolean): ProjectStatus[] {
  return from === 'completed' && isOwner ? ['active'] : NEXT[from]
}

export default class ChangeProjectStatus {
  async handle(project: Project, to: ProjectStatus) {
    const from = project.status
    if (from === to) return project
    if (!allowedStatuses(from, tenancy.current()?.role === 'owner').includes(to)) {
      throw new ConflictException(
        from === 'completed'
          ? 'A completed project can only be reopened by the owner'
          : `A project cannot move from ${from.replace('_', ' ')} to ${to.replace('_', ' ')}`
      )
    }
    project.status = to
    await project.save()
    await recordAudit({ entityType: 'project', entityId: project.id, action: 'status_changed', before: { status: from }, after: { status: to } })
    return project
  }
}
