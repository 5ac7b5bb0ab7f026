import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import { recordAudit } from '#core/public/audit'
import { agencySettings } from '#core/public/agency'
import { fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { clientNames } from '#crm/public/clients'
import { recordClientEvent } from '#crm/public/timeline'
import { assertCanManage, assertConsistent, type ProjectFields } from '#projects/actions/project_fields'

export interface CreateProjectInput extends ProjectFields {
  clientId: string
  name: string
  managerIds?: string[]
}

/**
 * A new project in planning, in the agency's currency. A manager who creates
 * one manages it from the start (RLS lets them see only what they manage).
 */
export default class CreateProject {
  async handle(input: CreateProjectInput): Promise<Project> {
    const { managerIds = [], ...fields } = input
    if (!(await clientNames([input.clientId])).has(input.clientId)) fieldError('clientId', 'Choose a client of your agency')
    const scope = tenancy.current()
    const managers = new Set(managerIds)
    if (scope?.role === 'manager' && scope.userId) managers.add(scope.userId)
    for (const userId of managerIds) await assertCanManage(userId, 'managerIds')

    const project = new Project()
    project.merge({
      billingType: 'hourly',
      billableByDefault: true,
      retainerRolloverPeriods: 0,
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      status: 'planning',
      currency: (await agencySettings(tenancy.agencyId())).currency,
    })
    assertConsistent({
      startDate: project.startDate ?? null,
      deadline: project.deadline ?? null,
      billingType: project.billingType,
      retainerAmountCents: project.retainerAmountCents ?? null,
      retainerPeriod: project.retainerPeriod ?? null,
    })
    await project.save()
    for (const userId of managers) await ProjectMember.create({ projectId: project.id, userId, role: 'manager' })

    await recordAudit({ entityType: 'project', entityId: project.id, action: 'created', after: { ...fields, managerIds: [...managers] } })
    await recordClientEvent({
      clientId: project.clientId,
      kind: 'project_created',
      body: `Project “${project.name}” created`,
      metadata: { projectId: project.id },
    })
    return project
  }
}
