import mail from '@adonisjs/mail/services/main'
import { tenancy } from '#core/public/tenancy'
import { notifyUsers } from '#core/public/notifications'
import { listStaff } from '#core/public/users'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import BudgetAlertMail from '#projects/mails/budget_alert_mail'
import { projectBudgets } from '#projects/queries/project_budgets'

export const BUDGET_THRESHOLDS = [75, 90, 100] as const

/**
 * Fires the budget alerts a project has reached and not fired yet: one row per
 * threshold (ON CONFLICT DO NOTHING, so a rerun or a concurrent run finds it
 * taken and sends nothing), a notification and an email — queued, sent after
 * commit — to each manager of the project and each owner of the agency.
 * Runs in a tenant transaction as `system` (the check job). Returns the thresholds fired.
 */
export default class CheckProjectBudget {
  async handle(projectId: string): Promise<number[]> {
    const project = await Project.find(projectId)
    if (!project) return []
    const burn = (await projectBudgets([project.id])).get(project.id)?.burnPercent ?? null
    if (burn === null) return []
    const reached = BUDGET_THRESHOLDS.filter((threshold) => burn >= threshold)
    if (reached.length === 0) return []

    const values = reached.map(() => '(?, ?, ?, ?)').join(', ')
    const inserted = await tenancy.client().rawQuery(
      `insert into project_budget_alerts (agency_id, project_id, threshold, burn_percent) values ${values}
       on conflict (project_id, threshold) do nothing returning threshold`,
      reached.flatMap((threshold) => [project.agencyId, project.id, threshold, burn])
    )
    const fired = (inserted.rows as { threshold: number }[]).map((row) => Number(row.threshold)).sort((a, b) => a - b)
    if (fired.length === 0) return []

    const recipients = await this.recipients(project.id)
    for (const threshold of fired) {
      await notifyUsers(
        recipients.map((user) => user.id),
        {
          kind: 'projects.budget_alert',
          title: threshold >= 100 ? `${project.name}: budget used up` : `${project.name}: ${threshold} % of the budget used`,
          body: `The project has used ${burn} % of its budget.`,
          href: `/projects/${project.id}`,
        }
      )
      for (const user of recipients) {
        await mail.sendLater(
          new BudgetAlertMail({
            email: user.email,
            name: user.name,
            projectId: project.id,
            projectName: project.name,
            threshold,
            burnPercent: burn,
          })
        )
      }
    }
    return fired
  }

  /** The project's managers and the agency's owners, active accounts only, each once. */
  private async recipients(projectId: string) {
    const managers = await ProjectMember.query().where('projectId', projectId).where('role', 'manager')
    const managerIds = new Set(managers.map((member) => member.userId))
    const staff = await listStaff({ activeOnly: true })
    return staff.filter((user) => user.role === 'owner' || managerIds.has(user.id))
  }
}
