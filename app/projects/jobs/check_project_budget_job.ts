import { Job } from '@rlanz/bull-queue'
import { withTenant } from '#core/public/tenancy'
import CheckProjectBudget from '#projects/actions/check_project_budget'

export interface CheckProjectBudgetPayload {
  agencyId: string
  projectId: string
}

/** Fires a project's due budget alerts (queued by `checkProjectBudget()` and by the sweep). */
export default class CheckProjectBudgetJob extends Job {
  static jobName = 'projects.check_project_budget'

  async handle(payload: CheckProjectBudgetPayload) {
    await withTenant(payload.agencyId, () => new CheckProjectBudget().handle(payload.projectId))
  }

  async rescue(payload: CheckProjectBudgetPayload, error: Error) {
    this.logger.error({ err: error, projectId: payload.projectId }, 'budget check failed after every retry')
  }
}
