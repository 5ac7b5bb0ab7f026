import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import ReportPolicy from '#reports/policies/report_policy'
import { profitability } from '#reports/queries/profitability'
import { utilization, utilizationWeekly } from '#reports/queries/utilization'
import { capacity } from '#reports/queries/capacity'
import { memberEntries, profitabilityBreakdown, projectDrilldown } from '#reports/queries/breakdowns'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { profitabilityCsv, reportFilename, summaryMarginPercent, utilizationCsv } from '#reports/exports/report_csv'
import { profitabilityPdf, utilizationPdf } from '#reports/exports/report_pdf'
import { pipeline, receivables, revenue } from '#reports/queries/insights'
import { type ReportTable, tableCsv, tableFilename, tablePdf } from '#reports/exports/report_table'
import {
  capacityTable,
  drilldownTable,
  pipelineTable,
  profitabilityBreakdownTable,
  receivablesTable,
  revenueTable,
} from '#reports/exports/report_tables'
import {
  assertRange,
  capacityQueryValidator,
  drilldownPageValidator,
  profitabilityApiValidator,
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
      utilizationWeekly: await utilizationWeekly(auth.user!, range),
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
    if ('groupBy' in report) return this.#sendTable(ctx, profitabilityBreakdownTable(report), 'csv')
    return this.#send(ctx, 'profitability', report, 'csv', profitabilityCsv(report))
  }

  async utilizationCsv(ctx: HttpContext) {
    const report = await this.#utilization(ctx)
    return this.#send(ctx, 'utilization', report, 'csv', utilizationCsv(report))
  }

  async profitabilityPdf(ctx: HttpContext) {
    const report = await this.#profitability(ctx)
    if ('groupBy' in report) return this.#sendTable(ctx, profitabilityBreakdownTable(report), 'pdf')
    return this.#send(ctx, 'profitability', report, 'pdf', await profitabilityPdf(report, await this.#pdfContext()))
  }

  async utilizationPdf(ctx: HttpContext) {
    const report = await this.#utilization(ctx)
    return this.#send(ctx, 'utilization', report, 'pdf', await utilizationPdf(report, await this.#pdfContext()))
  }

  async #profitability({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewFinancials')
    const { groupBy, ...range } = await profitabilityApiValidator.validate(request.qs())
    assertRange(range)
    if (groupBy && groupBy !== 'project') return profitabilityBreakdown(auth.user!, range, groupBy)
    return profitability(auth.user!, range)
  }

  async #utilization({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('viewUtilization')
    const range = await utilizationQueryValidator.validate(request.qs())
    assertRange(range)
    return utilization(auth.user!, range)
  }

  /** /reports/projects/:id/members.{csv,pdf}?from&to: the drill-down's members (404 for projects the caller cannot report on). */
  async projectMembers(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('viewFinancials')
    const range = await profitabilityQueryValidator.validate(ctx.request.qs())
    assertRange(range)
    const report = await projectDrilldown(ctx.auth.user!, ctx.params.id, range)
    if (!report) throw new lucidErrors.E_ROW_NOT_FOUND()
    return this.#sendTable(ctx, drilldownTable(report), this.#extension(ctx))
  }

  /** /reports/capacity.{csv,pdf}?weeks: everyone, narrowed as in the API. */
  async capacityExport(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('viewUtilization')
    const { weeks } = await capacityQueryValidator.validate(ctx.request.qs())
    return this.#sendTable(ctx, capacityTable(await capacity(ctx.auth.user!, { weeks })), this.#extension(ctx))
  }

  async pipelineExport(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('viewFinancials')
    return this.#sendTable(ctx, pipelineTable(await pipeline(ctx.auth.user!)), this.#extension(ctx))
  }

  async revenueExport(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('viewFinancials')
    const range = await profitabilityQueryValidator.validate(ctx.request.qs())
    assertRange(range)
    return this.#sendTable(ctx, revenueTable(await revenue(ctx.auth.user!, range)), this.#extension(ctx))
  }

  async receivablesExport(ctx: HttpContext) {
    await ctx.bouncer.with(ReportPolicy).authorize('viewFinancials')
    return this.#sendTable(ctx, receivablesTable(await receivables(ctx.auth.user!)), this.#extension(ctx))
  }

  #extension({ request }: HttpContext): 'csv' | 'pdf' {
    return request.url().endsWith('.pdf') ? 'pdf' : 'csv'
  }

  async #sendTable({ response }: HttpContext, table: ReportTable, extension: 'csv' | 'pdf') {
    const body = extension === 'csv' ? tableCsv(table) : await tablePdf(table, await this.#pdfContext())
    response.header('content-type', extension === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf')
    response.header('content-disposition', `attachment; filename="${tableFilename(table, extension)}"`)
    response.header('cache-control', 'private, no-store')
    response.header('x-content-type-options', 'nosniff')
    return body
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
