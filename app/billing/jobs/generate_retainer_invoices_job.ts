import { Job } from '@rlanz/bull-queue'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy, withTenant } from '#core/public/tenancy'
import GenerateRetainerInvoices from '#billing/actions/generate_retainer_invoices'

export interface GenerateRetainerInvoicesPayload {
  /** Only this agency (an operator's rerun); every agency when absent. */
  agencyId?: string
  /** 'YYYY-MM-DD'; the agency's today when absent. */
  today?: string
}

/**
 * Daily: a draft invoice for every ended retainer period not yet invoiced,
 * in every agency. The cross-agency list comes from a SECURITY DEFINER
 * function (ids only); each project is invoiced in its own agency's tenant
 * transaction, so one failing project does not hold back the others — the
 * job fails at the end and its retry redoes only what is still missing
 * (a period's `retainer_periods` row makes it idempotent).
 */
export default class GenerateRetainerInvoicesJob extends Job {
  static jobName = 'billing.generate_retainer_invoices'

  async handle(payload: GenerateRetainerInvoicesPayload = {}) {
    const targets = await tenancy.run(async (scope) => {
      const result = await scope.trx.rawQuery('select agency_id, project_id from billing_retainer_targets()')
      return result.rows as Array<{ agency_id: string; project_id: string }>
    })
    const failures: Array<{ projectId: string; error: unknown }> = []
    for (const target of targets) {
      if (payload.agencyId && target.agency_id !== payload.agencyId) continue
      try {
        await withTenant(target.agency_id, () => new GenerateRetainerInvoices().handle(target.project_id, { today: payload.today }))
      } catch (error) {
        failures.push({ projectId: target.project_id, error })
      }
    }
    if (failures.length) {
      for (const failure of failures) this.logger?.error({ err: failure.error, projectId: failure.projectId }, 'retainer invoice failed')
      throw new Error(`Retainer invoices failed for ${failures.length} project(s): ${failures.map((failure) => failure.projectId).join(', ')}`)
    }
  }

  async rescue(_payload: GenerateRetainerInvoicesPayload, error: Error) {
    this.logger.error({ err: error }, 'retainer invoices failed after every retry')
  }
}

/** Every day at 00:10 UTC; idempotent — the same name and pattern make the same schedule, however many workers start. */
export const RETAINER_INVOICES_CRON = '10 0 * * *'

export async function scheduleRetainerInvoices() {
  await dispatchAfterCommit(GenerateRetainerInvoicesJob, {}, { repeat: { pattern: RETAINER_INVOICES_CRON } })
}
