import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import { recordAudit } from '#core/public/audit'
import { recordClientEvent } from '#crm/public/timeline'
import type { WonDeal } from '#crm/public/won_deals'

/**
 * A won deal becomes a project with the deal's value as its budget; the
 * deal's owner manages it. Idempotent: the same deal always yields the same
 * project (projects_source_deal_unique backs this up under concurrency).
 */
export default class CreateProjectFromDeal {
  async handle(deal: WonDeal) {
    const existing = await Project.findBy('sourceDealId', deal.dealId)
    if (existing) return { projectId: existing.id }

    const project = await Project.create({
      clientId: deal.clientId,
      sourceDealId: deal.dealId,
      name: deal.title,
      description: deal.description,
      status: 'planning',
      budgetCents: deal.valueCents,
      currency: deal.currency,
    })
    if (deal.ownerUserId) {
      await ProjectMember.create({ projectId: project.id, userId: deal.ownerUserId, role: 'manager' })
    }
    await recordAudit({ entityType: 'project', entityId: project.id, action: 'created_from_deal', after: { dealId: deal.dealId, budgetCents: deal.valueCents } })
    await recordClientEvent({
      clientId: deal.clientId,
      dealId: deal.dealId,
      kind: 'project_created',
      body: `Project “${project.name}” created from the won deal`,
      metadata: { projectId: project.id },
    })
    return { projectId: project.id }
  }
}
