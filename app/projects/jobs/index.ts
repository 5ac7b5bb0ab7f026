import { registerJobs, registerSchedule } from '#core/public/queue'

registerJobs({
  'projects.check_project_budget': () => import('./check_project_budget_job.js'),
  'projects.sweep_project_budgets': () => import('./sweep_project_budgets_job.js'),
})

// The hourly safety-net sweep over every budgeted project, put in place when a worker starts.
registerSchedule(async () => {
  const { scheduleBudgetSweep } = await import('#projects/public/budget')
  await scheduleBudgetSweep()
})
