// Page props are the server's DTOs: one definition for both sides.
export type { ProfitabilityDto, ProjectProfitabilityDto, ProfitabilitySummaryDto } from '../../../app/reports/dtos/profitability'
export type { MemberUtilizationDto, UtilizationDto, UtilizationFlag } from '../../../app/reports/dtos/utilization'
