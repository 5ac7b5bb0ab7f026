/*
| Large report exports, prepared on the queue: a row in `report_exports`
| (the requester's own, RLS) records the status and progress the page polls;
| the CSV lands on the private Drive disk and is served to its owner only.
*/
import drive from '@adonisjs/drive/services/main'
import { tenancy, withTenant } from '#core/public/tenancy'
import { findStaff, type StaffIdentity } from '#core/public/users'
import { dispatchAfterCommit } from '#core/public/queue'
import { profitability } from '#reports/queries/profitability'
import { utilization } from '#reports/queries/utilization'
import { profitabilityCsv, reportFilename, utilizationCsv } from '#reports/exports/report_csv'
import ReportExportJob from '#reports/jobs/report_export_job'

export type ExportKind = 'profitability' | 'utilization'
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed'

export interface ExportParams {
  from: string
  to: string
  threshold?: number
}

export interface ReportExportRow {
  id: string
  agency_id: string
  user_id: string
  kind: ExportKind
  params: ExportParams
  status: ExportStatus
  progress: number
  file_path: string | null
}

/** Records the export for the signed-in user and queues it once the request commits. */
export async function requestExport(user: StaffIdentity, kind: ExportKind, params: ExportParams) {
  const [row] = await tenancy
    .client()
    .table('report_exports')
    .insert({ agency_id: tenancy.agencyId(), user_id: user.id, kind, params: JSON.stringify(params) })
    .returning(['id', 'status', 'progress'])
  await dispatchAfterCommit(ReportExportJob, { agencyId: tenancy.agencyId(), exportId: row.id })
  return row as { id: string; status: ExportStatus; progress: number }
}

/** The caller's own export (RLS: nobody else's), or null. */
export async function findExport(id: string): Promise<ReportExportRow | null> {
  return (await tenancy.client().from('report_exports').where('id', id).first()) ?? null
}

export function exportFilename(row: ReportExportRow) {
  return reportFilename(row.kind, row.params, 'csv')
}

export async function exportBytes(row: ReportExportRow) {
  return Buffer.from(await drive.use().getBytes(row.file_path!))
}

async function setProgress(agencyId: string, exportId: string, fields: Partial<Pick<ReportExportRow, 'status' | 'progress' | 'file_path'>>) {
  // Each step commits on its own, so the page sees it while the export runs.
  await withTenant(agencyId, () =>
    tenancy.client().from('report_exports').where('id', exportId).update({ ...fields, updated_at: new Date() })
  )
}

/**
 * The worker's side: reads the report as the requester (their role and
 * scoping, re-checked now), writes the CSV privately and marks it done.
 */
export async function runExport(agencyId: string, exportId: string) {
  const row = await withTenant(agencyId, async () => (await tenancy.client().from('report_exports').where('id', exportId).first()) as ReportExportRow | undefined)
  if (!row || row.status === 'done') return
  const person = await withTenant(agencyId, () => findStaff(row.user_id))
  const allowed = person?.isActive && (row.kind === 'utilization' || ['owner', 'manager'].includes(person.role))
  if (!person || !allowed) {
    await setProgress(agencyId, exportId, { status: 'failed', progress: 0 })
    return
  }
  await setProgress(agencyId, exportId, { status: 'running', progress: 10 })
  const identity: StaffIdentity = { id: person.id, agencyId, role: person.role as StaffIdentity['role'] }
  const csv = await tenancy.run(
    async () => (row.kind === 'profitability' ? profitabilityCsv(await profitability(identity, row.params)) : utilizationCsv(await utilization(identity, row.params))),
    { agencyId, userId: person.id, role: identity.role }
  )
  await setProgress(agencyId, exportId, { progress: 80 })
  const key = `reports/exports/${agencyId}/${exportId}.csv`
  await drive.use().put(key, csv, { contentType: 'text/csv; charset=utf-8', visibility: 'private' })
  await setProgress(agencyId, exportId, { status: 'done', progress: 100, file_path: key })
}

export async function failExport(agencyId: string, exportId: string) {
  await setProgress(agencyId, exportId, { status: 'failed' })
}
