import { Job } from '@rlanz/bull-queue'
import { failExport, runExport } from '#reports/actions/report_exports'

export interface ReportExportPayload {
  agencyId: string
  exportId: string
}

/** Prepares a report's CSV (profitability or utilization) with progress in `report_exports`. */
export default class ReportExportJob extends Job {
  static jobName = 'reports.export'

  async handle(payload: ReportExportPayload) {
    await runExport(payload.agencyId, payload.exportId)
  }

  async rescue(payload: ReportExportPayload, error: Error) {
    this.logger.error({ err: error, exportId: payload.exportId }, 'report export failed after every retry')
    await failExport(payload.agencyId, payload.exportId)
  }
}
