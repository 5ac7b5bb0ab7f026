import type { HttpContext } from '@adonisjs/core/http'
import { dashboardWidgets } from '#core/public/dashboard'
import { teamSummary } from '#core/queries/team_summary'

export default class DashboardController {
  async show({ inertia, auth }: HttpContext) {
    const user = auth.user!
    // One request, one tenant transaction: the queries run one after another.
    const team = await teamSummary()
    const widgets = await dashboardWidgets(user)
    return inertia.render('core/dashboard/index', { team, role: user.role, widgets })
  }
}
