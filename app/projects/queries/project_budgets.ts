import Project from '#projects/models/project'
import { tenancy } from '#core/public/tenancy'
import ProjectMember from '#projects/models/project_member'
import { spendFor } from '#projects/public/spend'

export interface ProjectBudget {
  /** Money budget in the project's currency (minor units); null when the project has none. */
  budgetCents: number | null
  /** Hours budget in seconds; null when the project has none. */
  budgetSeconds: number | null
  spentCents: number
  spentSeconds: number
  /** Whole percent, rounded down, the higher of money and hours burn; null without any budget. */
  burnPercent: number | null
  /** Spend exceeds a budget (money or hours). */
  overBudget: boolean
}

/** Percent rounded down, so 74.99 % has not yet reached the 75 % alert. */
function burn(spent: number, budget: number | null) {
  return budget && budget > 0 ? Math.floor((spent * 100) / budget) : null
}

export function budgetFigures(budgetCents: number | null, budgetSeconds: number | null, spentCents: number, spentSeconds: number): ProjectBudget {
  const burns = [burn(spentCents, budgetCents), burn(spentSeconds, budgetSeconds)].filter((value) => value !== null)
  return {
    budgetCents,
    budgetSeconds,
    spentCents,
    spentSeconds,
    burnPercent: burns.length ? Math.max(...burns) : null,
    overBudget: (!!budgetCents && spentCents > budgetCents) || (!!budgetSeconds && spentSeconds > budgetSeconds),
  }
}

/**
 * Budget and spend of the given projects (those the caller can read under RLS),
 * summing every registered spend source.
 */
export async function projectBudgets(projectIds: string[]): Promise<Map<string, ProjectBudget>> {
  if (projectIds.length === 0) return new Map()
  const projects = await Project.query().whereIn('id', projectIds)
  const spend = await spendFor(projects.map((project) => project.id))
  return new Map(
    projects.map((project) => {
      const spent = spend.get(project.id) ?? { costCents: 0, seconds: 0 }
      return [project.id, budgetFigures(project.budgetCents, project.budgetSeconds, spent.costCents, spent.seconds)]
    })
  )
}

/**
 * The projects whose whole spend the caller may see: RLS shows a member only
 * their own time (and a manager only the time of projects they manage), so a
 * burn figure for any other project would be a wrong number, and cost rates
 * are not theirs to read. Lists leave those projects' burn out.
 */
export async function spendVisibleProjectIds(projectIds: string[]): Promise<string[]> {
  const scope = tenancy.current()
  if (scope?.role === 'owner' || scope?.role === 'system') return projectIds
  if (scope?.role !== 'manager' || !scope.userId || projectIds.length === 0) return []
  const managed = await ProjectMember.query().select('projectId').whereIn('projectId', projectIds).where('userId', scope.userId).where('role', 'manager')
  return managed.map((row) => row.projectId)
}
