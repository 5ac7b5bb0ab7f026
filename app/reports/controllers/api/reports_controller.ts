import type { HttpContext } from '@adonisjs/core/http'
import ReportPolicy from '#reports/policies/report_policy'
import { profitability } from '#reports/queries/profitability'
import { profitabilityBreakdown } from '#reports/queries/breakdowns'
import { utilization } from '#reports/queries/utilization'
import { assertRange, profitabilityApiValidator, utilizationQueryValidator } from '#reports/validators/report_range'

/** Reports over the JSON API; each reads under the caller's RLS and narrows to their role. */
export default class ReportsController {
  async profitability({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    const { groupBy, ...range } = await profitabilityApiValidator.validate(request.qs())
    assertRange(range)
    if (!groupBy || groupBy === 'project') return profitability(auth.user!, range)
    return profitabilityBreakdown(auth.user!, range, groupBy)
  }

  async utilization({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewUtilization')
    const range = await utilizationQueryValidator.validate(request.qs())
    assertRange(range)
    return utilization(auth.user!, range)
  }
}
