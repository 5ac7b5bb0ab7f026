import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import ReportPolicy from '#reports/policies/report_policy'
import { profitability } from '#reports/queries/profitability'
import { utilization } from '#reports/queries/utilization'
import { capacity } from '#reports/queries/capacity'
import { memberEntries, profitabilityBreakdown, projectDrilldown } from '#reports/queries/breakdowns'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { profitabilityCsv, reportFilename, summaryMarginPercent, utilizationCsv } from '#reports/exports/report_csv'
import { profitabilityPdf, utilizationPdf } from '#reports/exports/report_pdf'
import {
  assertRange,
  drilldownPageValidator,
  profitabilityQueryValidator,
  reportPageValidator,
  utilizationQueryValidator,
} from '#reports/validators/report_range'

type Kind = 'profitability' | 'utilization'

/**
 * The /reports page (owners and managers: profitability and utilization over
 * a range, this month in the agency's zone by default) and its CSV and PDF
 * downloads, which answer with the very figures of the page and the API,
 * under the same policy and role scoping.
 */
export default class ReportsController {
  async show({ request, inertia, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    const input = await reportPageValidator.validate(request.qs())
    const agency = await agencySettings(tenancy.agencyId())
    const today = DateTime.now().setZone(agency.timezone)
    const range = {
      from: input.from ?? today.startOf('month').toISODate()!,
      to: input.to ?? today.endOf('month').toISODate()!,
    }
    assertRange(range)
    const profitabilityReport = await profitability(auth.user!, range)
    const utilizationReport = await utilization(auth.user!, { ...range, threshold: input.threshold })
    const groupBy = input.groupBy ?? 'project'
    const breakdown = groupBy === 'project' ? null : await profitabilityBreakdown(auth.user!, range, groupBy)
    const capacityReport = await capacity(auth.user!)
    return inertia.render('reports/index', {
      today: today.toISODate()!,
      range,
      tab: input.tab ?? 'profitability',
      groupBy,
      breakdown,
      capacity: capacityReport,
      currency: agency.currency,
      profitability: profitabilityReport,
      summaryMarginPercent: summaryMarginPercent(profitabilityReport),
      utilization: utilizationReport,
    })
  }

  /** /reports/projects/:id?from&to[&member&page]: a project's members over the range, and one member's entries. */
  async project({ request, params, inertia, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    const input = await drilldownPageValidator.validate(request.qs())
    const agency = await agencySettings(tenancy.agencyId())
    const today = DateTime.now().setZone(agency.timezone)
    const range = {
      from: input.from ?? today.startOf('month').toISODate()!,
      to: input.to ?? today.endOf('month').toISODate()!,
    }
    assertRange(range)
    const report = await projectDrilldown(auth.user!, params.id, range)
    if (!report) throw new lucidErrors.E_ROW_NOT_FOUND()
    const entries = input.member ? await memberEntries(auth.user!, params.id, input.member, { ...range, page: input.page }) : null
    return inertia.render('reports/project', { range, report, entries })
  }

  async profitabilityCsv(ctx: HttpContext) {
    const report = await this.#profitability(ctx)
    return this.#send(ctx, 'profitability', report, 'csv', profitabilityCsv(report))
  }

  async utilizationCsv(ctx: HttpContext) {
    const report = await this.#utilization(ctx)
    return this.#send(ctx, 'utilization', report, 'csv', utilizationCsv(report))
  }

  async profitabilityPdf(ctx: HttpContext) {
    const report = await this.#profitability(ctx)
    return this.#send(ctx, 'profitability', report, 'pdf', await profitabilityPdf(report, await this.#pdfContext()))
  }

  async utilizationPdf(ctx: HttpContext) {
    const report = await this.#utilization(ctx)
    return this.#send(ctx, 'utilization', report, 'pdf', await utilizationPdf(report, await this.#pdfContext()))
  }

  async #profitability({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    const range = await profitabilityQueryValidator.validate(request.qs())
    assertRange(range)
    return profitability(auth.user!, range)
  }

  async #utilization({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewUtilization')
    const range = await utilizationQueryValidator.validate(request.qs())
    assertRange(range)
    return utilization(auth.user!, range)
  }

  async #pdfContext() {
    const agency = await agencySettings(tenancy.agencyId())
    return { agencyName: agency.name, brandColor: agency.brandColor, timezone: agency.timezone }
  }

  #send({ response }: HttpContext, kind: Kind, range: { from: string; to: string }, extension: 'csv' | 'pdf', body: string | Buffer) {
    response.header('content-type', extension === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf')
    response.header('content-disposition', `attachment; filename="${reportFilename(kind, range, extension)}"`)
    response.header('cache-control', 'private, no-store')
    response.header('x-content-type-options', 'nosniff')
    return body
  }
}
