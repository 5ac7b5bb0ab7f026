import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { errors as lucidErrors } from '@adonisjs/lucid'
import ReportPolicy from '#reports/policies/report_policy'
import { exportBytes, exportFilename, findExport, requestExport } from '#reports/actions/report_exports'
import { assertRange, profitabilityQueryValidator, utilizationQueryValidator } from '#reports/validators/report_range'

const kindValidator = vine.compile(vine.object({ kind: vine.enum(['profitability', 'utilization'] as const) }))

/**
 * Large CSV exports on the queue: "Prepare export" (same policies and
 * scoping as the downloads), its status with progress, and the file — for
 * the person who asked only (RLS on `report_exports`; anyone else gets 404).
 * Served under /api (bearer) and under /reports (session, for the page).
 */
export default class ReportExportsController {
  async store({ request, response, auth, bouncer }: HttpContext) {
    const { kind } = await kindValidator.validate(request.all())
    let params: { from: string; to: string; threshold?: number }
    if (kind === 'profitability') {
      await bouncer.with(ReportPolicy).authorize('viewFinancials')
      const { from, to } = await profitabilityQueryValidator.validate(request.all())
      params = { from, to }
    } else {
      await bouncer.with(ReportPolicy).authorize('viewUtilization')
      params = await utilizationQueryValidator.validate(request.all())
    }
    assertRange(params)
    const row = await requestExport(auth.user!, kind, params)
    return response.status(202).send({ id: row.id, status: row.status, progress: row.progress, statusUrl: this.#base(request.url(), row.id) })
  }

  async show({ params, request }: HttpContext) {
    const row = await findExport(params.id)
    if (!row) throw new lucidErrors.E_ROW_NOT_FOUND()
    return {
      status: row.status,
      progress: row.progress,
      ...(row.status === 'done' ? { downloadUrl: `${this.#base(request.url(), row.id)}/download` } : {}),
    }
  }

  async download({ params, response }: HttpContext) {
    const row = await findExport(params.id)
    if (!row || row.status !== 'done' || !row.file_path) throw new lucidErrors.E_ROW_NOT_FOUND()
    const body = await exportBytes(row)
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${exportFilename(row)}"`)
    response.header('cache-control', 'private, no-store')
    response.header('x-content-type-options', 'nosniff')
    return body
  }

  /** The export's URL under the same prefix as this request (/api for tokens, none for the session page). */
  #base(url: string, id: string) {
    return `${url.startsWith('/api/') ? '/api' : ''}/reports/exports/${id}`
  }
}
