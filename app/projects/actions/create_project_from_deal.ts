import { DateTime } from 'luxon'
import ApplyTemplate from '#projects/actions/apply_template'
import { billingTypeOf } from '#projects/actions/create_project_from_template'
import Project from '#projects/models/project'
import ProjectTemplate from '#projects/models/project_template'
import ProjectMember from '#projects/models/project_member'
import { agencySettings } from '#core/public/agency'
import { recordAudit } from '#core/public/audit'
import { tenancy } from '#core/public/tenancy'
import { recordClientEvent } from '#crm/public/timeline'
import type { WonDeal } from '#crm/public/won_deals'

/**
 * A won deal becomes a project with the deal's value as its budget; the
 * deal's owner manages it. With a template, the project starts today with the
 * template's tasks and milestones, and takes the template's budget and billing
 * type when it sets them (PRODUCT.md: the deal value unless the template says
 * otherwise). Idempotent: the same deal always yields the same
 * project (projects_source_deal_unique backs this up under concurrency).
 */
export default class CreateProjectFromDeal {
  async handle(deal: WonDeal) {
    const existing = await Project.findBy('sourceDealId', deal.dealId)
    if (existing) return { projectId: existing.id }

    const template = deal.templateId ? await ProjectTemplate.findOrFail(deal.templateId) : null
    // Today where the agency works, not where the server runs.
    const startDate = template ? DateTime.now().setZone((await agencySettings(tenancy.agencyId())).timezone).toISODate()! : null
    const project = await Project.create({
      clientId: deal.clientId,
      sourceDealId: deal.dealId,
      name: deal.title,
      description: deal.description,
      status: 'planning',
      budgetCents: template?.budgetCents ?? deal.valueCents,
      currency: deal.currency,
      ...(template && { startDate, budgetSeconds: template.budgetSeconds, ...billingTypeOf(template) }),
    })
    if (template) await new ApplyTemplate().handle(project.id, template.id, startDate!)
    if (deal.ownerUserId) {
      await ProjectMember.create({ projectId: project.id, userId: deal.ownerUserId, role: 'manager' })
    }
    await recordAudit({ entityType: 'project', entityId: project.id, action: 'created_from_deal', after: { dealId: deal.dealId, budgetCents: project.budgetCents, templateId: template?.id ?? null } })
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
