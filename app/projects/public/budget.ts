/**
 * Budget alerts for other modules: Time and Billing call `checkProjectBudget()`
 * whenever a project's spend changes (time logged or approved, an expense
 * recorded); the check runs on the queue after their transaction commits.
 */
import { tenancy } from '#core/public/tenancy'
import { dispatchAfterCommit } from '#core/public/queue'
import CheckProjectBudgetJob from '#projects/jobs/check_project_budget_job'
import SweepProjectBudgetsJob from '#projects/jobs/sweep_project_budgets_job'

export async function checkProjectBudget(projectId: string) {
  await dispatchAfterCommit(CheckProjectBudgetJob, { agencyId: tenancy.agencyId(), projectId })
}

/** How often the sweep re-checks every active project (a safety net behind the calls above). */
export const BUDGET_SWEEP_EVERY_MS = 60 * 60 * 1000

/**
 * Registers the hourly sweep as a BullMQ repeatable job. Idempotent: the same
 * name and interval make the same schedule, however many processes call it.
 */
export async function scheduleBudgetSweep() {
  await dispatchAfterCommit(SweepProjectBudgetsJob, {}, { repeat: { every: BUDGET_SWEEP_EVERY_MS } })
}
