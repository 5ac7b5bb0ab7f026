import type { HttpContext } from '@adonisjs/core/http'
import ReportPolicy from '#reports/policies/report_policy'
import { capacity } from '#reports/queries/capacity'
import { memberEntries, projectDrilldown } from '#reports/queries/breakdowns'
import { assertRange, capacityQueryValidator, drilldownQueryValidator } from '#reports/validators/report_range'

/** A project's profitability drill-down (members, then a member's entries) and capacity planning over the JSON API. */
export default class BreakdownsController {
  async project({ request, params, auth, bouncer, response }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    const range = await drilldownQueryValidator.validate(request.qs())
    assertRange(range)
    const report = await projectDrilldown(auth.user!, params.id, range)
    return report ?? response.notFound({ errors: [{ message: 'Project not found' }] })
  }

  async memberEntries({ request, params, auth, bouncer, response }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    const query = await drilldownQueryValidator.validate(request.qs())
    assertRange(query)
    const report = await memberEntries(auth.user!, params.id, params.userId, query)
    return report ?? response.notFound({ errors: [{ message: 'Project not found' }] })
  }

  async capacity({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewUtilization')
    const { weeks } = await capacityQueryValidator.validate(request.qs())
    return capacity(auth.user!, { weeks })
  }
}
