/**
 * The weighted pipeline forecast (open deals by expected close month) for
 * Reports, as plain data read under the caller's RLS (members see no deals).
 * `ownerUserId` narrows it to the deals one person owns.
 */
import { dealForecast } from '#crm/queries/deal_forecast'
import type { ForecastDto, ForecastFigures, ForecastMonth } from '#crm/dtos/forecast'

export type { ForecastDto, ForecastFigures, ForecastMonth }

export function pipelineForecast(filter: { ownerUserId?: string } = {}): Promise<ForecastDto> {
  return dealForecast(filter)
}
