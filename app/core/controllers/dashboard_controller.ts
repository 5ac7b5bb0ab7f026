import type { HttpContext } from '@adonisjs/core/http'
import { teamSummary } from '#core/queries/team_summary'

export default class DashboardController {
  async show({ inertia }: HttpContext) {
    return inertia.render('core/dashboard/index', { team: await teamSummary() })
  }
}
