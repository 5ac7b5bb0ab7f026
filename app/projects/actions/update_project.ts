import type Project from '#projects/models/project'
import type { ProjectStatus } from '#projects/models/project'
import { recordAudit } from '#core/public/audit'
import ChangeProjectStatus from '#projects/actions/change_project_status'
import { assertConsistent, type ProjectFields } from '#projects/actions/project_fields'

const AUDITED = [
  'name', 'description', 'billingType', 'billableByDefault', 'serviceType', 'budgetCents', 'budgetSeconds', 'hourlyRateCents', 'startDate', 'deadline',
  'retainerAmountCents', 'retainerPeriod', 'retainerIncludedSeconds', 'retainerRolloverPeriods', 'overageRateCents',
] as const

const snapshot = (project: Project) => Object.fromEntries(AUDITED.map((key) => [key, project[key]]))

/** Edits any subset of the fields; a status change goes through the transition rules (409 when illegal). */
export default class UpdateProject {
  async handle(project: Project, input: ProjectFields & { status?: ProjectStatus }) {
    const { status, ...fields } = input
    const before = snapshot(project)
    project.merge(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)))
    assertConsistent(project)
    if (project.$isDirty) {
      await project.save()
      await recordAudit({ entityType: 'project', entityId: project.id, action: 'updated', before, after: snapshot(project) })
    }
    if (status) await new ChangeProjectStatus().handle(project, status)
    return project
  }
}
