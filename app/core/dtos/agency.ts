import type Agency from '#core/models/agency'

export interface AgencyDto {
  id: string
  name: string
  logoUrl: string | null
  brandColor: string
  currency: string
  timezone: string
  /** percent: 20, 7.25 */
  taxRate: number
  invoicePrefix: string
  paymentTermsDays: number
  requireTimeApproval: boolean
  /** Minor units per hour; used when neither project nor member has a rate. */
  defaultHourlyRate: number | null
  defaultCostRate: number | null
}

/** The logo is served to the agency's own signed-in staff, never from a public path. */
export function logoUrl(agency: Agency) {
  return agency.logoPath ? `/agency/logo?v=${encodeURIComponent(agency.logoPath.split('/').pop()!)}` : null
}

export function toAgencyDto(agency: Agency): AgencyDto {
  return {
    id: agency.id,
    name: agency.name,
    logoUrl: logoUrl(agency),
    brandColor: agency.brandColor,
    currency: agency.currency,
    timezone: agency.timezone,
    taxRate: agency.taxRateBasisPoints / 100,
    invoicePrefix: agency.invoicePrefix,
    paymentTermsDays: agency.paymentTermsDays,
    requireTimeApproval: agency.requireTimeApproval,
    defaultHourlyRate: agency.defaultHourlyRateCents,
    defaultCostRate: agency.defaultCostRateCents,
  }
}
