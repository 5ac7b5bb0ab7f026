/**
 * What Billing needs to know about projects and milestones, as plain data,
 * read under the caller's RLS.
 */
import Milestone from '#projects/models/milestone'
import Project, { type BillingType, type RetainerPeriod } from '#projects/models/project'

export interface BillingProject {
  projectId: string
  clientId: string
  name: string
  status: string
  billingType: BillingType
  currency: string
  hourlyRateCents: number | null
  retainerAmountCents: number | null
  retainerPeriod: RetainerPeriod | null
  retainerIncludedSeconds: number | null
  retainerRolloverPeriods: number
  overageRateCents: number | null
  startDate: string | null
}

function toBillingProject(project: Project): BillingProject {
  return {
    projectId: project.id,
    clientId: project.clientId,
    name: project.name,
    status: project.status,
    billingType: project.billingType,
    currency: project.currency,
    hourlyRateCents: project.hourlyRateCents,
    retainerAmountCents: project.retainerAmountCents === null ? null : Number(project.retainerAmountCents),
    retainerPeriod: project.retainerPeriod,
    retainerIncludedSeconds: project.retainerIncludedSeconds,
    retainerRolloverPeriods: project.retainerRolloverPeriods,
    overageRateCents: project.overageRateCents,
    startDate: project.startDate,
  }
}

/** The given projects, or all of a client's, by name. */
export async function billingProjects(filter: { projectIds?: string[]; clientId?: string }): Promise<BillingProject[]> {
  const query = Project.query().orderBy('name')
  if (filter.projectIds) query.whereIn('id', filter.projectIds)
  if (filter.clientId) query.where('clientId', filter.clientId)
  return (await query).map(toBillingProject)
}

export interface BillableMilestone {
  milestoneId: string
  projectId: string
  name: string
  amountCents: number
  completedAt: string
}

/** Completed milestones with an amount, for milestone billing (Billing decides which are already invoiced). */
export async function completedMilestones(projectIds: string[]): Promise<BillableMilestone[]> {
  if (projectIds.length === 0) return []
  const milestones = await Milestone.query()
    .whereIn('projectId', projectIds)
    .where('status', 'completed')
    .whereNotNull('amountCents')
    .where('amountCents', '>', 0)
    .orderBy('completedAt')
  return milestones.map((milestone) => ({
    milestoneId: milestone.id,
    projectId: milestone.projectId,
    name: milestone.name,
    amountCents: Number(milestone.amountCents),
    completedAt: milestone.completedAt!.toISO()!,
  }))
}

/** Retainer projects that are running, for the recurring invoices job. */
export async function activeRetainers(): Promise<BillingProject[]> {
  const projects = await Project.query().where('billingType', 'retainer').where('status', 'active').whereNotNull('retainerAmountCents')
  return projects.map(toBillingProject)
}
