import { agencySettings } from '#core/public/agency'
import { staffRates } from '#core/public/users'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'

export type RateSource = 'project_member' | 'project' | 'member' | 'agency' | 'none'

export interface ResolvedRates {
  /** Minor units per hour; null when nothing along the chain sets one. */
  billableRateCents: number | null
  costRateCents: number | null
  billableSource: RateSource
  costSource: RateSource
}

type Rate = number | null | undefined

export interface RateLayers {
  projectMember: { billableRateCents: Rate; costRateCents: Rate } | null
  project: { hourlyRateCents: Rate }
  member: { hourlyRateCents: Rate; costRateCents: Rate } | null
  agency: { defaultHourlyRateCents: Rate; defaultCostRateCents: Rate }
}

function firstSet(candidates: Array<[Rate, RateSource]>): [number | null, RateSource] {
  const found = candidates.find(([rate]) => rate !== null && rate !== undefined)
  return found ? [found[0]!, found[1]] : [null, 'none']
}

/**
 * Most specific first: the member's override on this project → the project's
 * hourly rate (billable only: a project has no cost rate) → the person's own
 * rates → the agency's defaults.
 */
export function chooseRates(layers: RateLayers): ResolvedRates {
  const [billableRateCents, billableSource] = firstSet([
    [layers.projectMember?.billableRateCents, 'project_member'],
    [layers.project.hourlyRateCents, 'project'],
    [layers.member?.hourlyRateCents, 'member'],
    [layers.agency.defaultHourlyRateCents, 'agency'],
  ])
  const [costRateCents, costSource] = firstSet([
    [layers.projectMember?.costRateCents, 'project_member'],
    [layers.member?.costRateCents, 'member'],
    [layers.agency.defaultCostRateCents, 'agency'],
  ])
  return { billableRateCents, costRateCents, billableSource, costSource }
}

/** The rates an hour of `userId` on `projectId` is billed and costed at. Time and Billing read rates only through this. */
export async function resolveRates(projectId: string, userId: string): Promise<ResolvedRates> {
  const project = await Project.findOrFail(projectId)
  const projectMember = await ProjectMember.query().where('projectId', projectId).where('userId', userId).first()
  const person = await staffRates(userId)
  const agency = await agencySettings(project.agencyId)
  return chooseRates({
    projectMember,
    project,
    member: person,
    agency: { defaultHourlyRateCents: agency.defaultHourlyRate, defaultCostRateCents: agency.defaultCostRate },
  })
}
