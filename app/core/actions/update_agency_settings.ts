import { randomUUID } from 'node:crypto'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import drive from '@adonisjs/drive/services/main'
import Agency from '#core/models/agency'
import { recordAudit } from '#core/audit/audit_trail'
import { tenancy } from '#core/tenancy/tenant_context'

export interface AgencySettingsInput {
  name?: string
  currency?: string
  timezone?: string
  /** percent with up to two decimals: 20, 7.25 */
  taxRate?: number
  invoicePrefix?: string
  paymentTermsDays?: number
  requireTimeApproval?: boolean
  brandColor?: string
  /** minor units per hour; null clears */
  defaultHourlyRate?: number | null
  defaultCostRate?: number | null
  logo?: MultipartFile | null
}

const AUDITED = ['name', 'currency', 'timezone', 'taxRateBasisPoints', 'invoicePrefix', 'paymentTermsDays', 'requireTimeApproval', 'brandColor', 'logoPath', 'defaultHourlyRateCents', 'defaultCostRateCents'] as const

function snapshot(agency: Agency) {
  return Object.fromEntries(AUDITED.map((key) => [key, agency[key]]))
}

export default class UpdateAgencySettings {
  async handle(agency: Agency, input: AgencySettingsInput) {
    const before = snapshot(agency)
    const { logo, taxRate, defaultHourlyRate, defaultCostRate, ...plain } = input
    agency.merge(Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined)))
    if (taxRate !== undefined) agency.taxRateBasisPoints = Math.round(taxRate * 100)
    if (defaultHourlyRate !== undefined) agency.defaultHourlyRateCents = defaultHourlyRate
    if (defaultCostRate !== undefined) agency.defaultCostRateCents = defaultCostRate
    if (logo) {
      const key = `agencies/${agency.id}/logo-${randomUUID()}.${logo.extname}`
      await logo.moveToDisk(key)
      agency.logoPath = key
      // Files follow the transaction: the old logo goes only once the new one is committed,
      // and a rolled-back upload leaves no file behind.
      const trx = tenancy.client()
      const replaced = before.logoPath ? String(before.logoPath) : null
      if (replaced) trx.after('commit', () => drive.use().delete(replaced).catch(() => {}))
      trx.after('rollback', () => drive.use().delete(key).catch(() => {}))
    }
    await agency.save()
    await recordAudit({ entityType: 'agency', entityId: agency.id, action: 'settings_updated', before, after: snapshot(agency) })
    return agency
  }
}
