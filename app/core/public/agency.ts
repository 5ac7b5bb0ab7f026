import Agency from '#core/models/agency'
import { toAgencyDto, type AgencyDto } from '#core/dtos/agency'

export type { AgencyDto }

/** The current agency's settings (currency, time zone, tax rate, prefix…), as plain data. */
export async function agencySettings(agencyId: string): Promise<AgencyDto> {
  return toAgencyDto(await Agency.findOrFail(agencyId))
}
