import { Job } from '@rlanz/bull-queue'
import { tenancy } from '#core/public/tenancy'
import { dispatchAfterCommit } from '#core/public/queue'
import CheckProjectBudgetJob from '#projects/jobs/check_project_budget_job'

/**
 * Safety net behind the event-driven checks: queues a budget check for every
 * active project with a budget, in every agency. Idempotent — a check fires
 * only alerts not yet recorded.
 */
export default class SweepProjectBudgetsJob extends Job {
  static jobName = 'projects.sweep_project_budgets'

  async handle() {
    // No tenant: the SECURITY DEFINER function returns ids only, across agencies.
    const targets = await tenancy.run(async (scope) => {
      const result = await scope.trx.rawQuery('select agency_id, project_id from projects_budget_sweep_targets()')
      return result.rows as { agency_id: string; project_id: string }[]
    })
    for (const target of targets) {
      await dispatchAfterCommit(CheckProjectBudgetJob, { agencyId: target.agency_id, projectId: target.project_id })
    }
  }

  async rescue(_payload: unknown, error: Error) {
    this.logger.error({ err: error }, 'budget sweep failed after every retry')
  }
}
