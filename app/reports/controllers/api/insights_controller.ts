import type { HttpContext } from '@adonisjs/core/http'
import ReportPolicy from '#reports/policies/report_policy'
import { pipeline, receivables, revenue } from '#reports/queries/insights'
import { assertRange, profitabilityQueryValidator } from '#reports/validators/report_range'

/** Agency financials over the JSON API: owners see the agency, managers what they manage, members 403. */
export default class InsightsController {
  async pipeline({ auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    return pipeline(auth.user!)
  }

  async revenue({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    const range = await profitabilityQueryValidator.validate(request.qs())
    assertRange(range)
    return revenue(auth.user!, range)
  }

  async receivables({ auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    return receivables(auth.user!)
  }
}
