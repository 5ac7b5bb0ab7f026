// Page props are the server's DTOs: one definition for both sides.
export type { ProfitabilityDto, ProjectProfitabilityDto, ProfitabilitySummaryDto } from '../../../app/reports/dtos/profitability'
export type { MemberUtilizationDto, UtilizationDto, UtilizationFlag, UtilizationWeeklyDto } from '../../../app/reports/dtos/utilization'
export type {
  DrilldownEntryDto,
  DrilldownMemberDto,
  MemberEntriesDto,
  ProfitabilityBreakdownDto,
  ProfitabilityGroupBy,
  ProfitabilityRowDto,
  ProjectDrilldownDto,
} from '../../../app/reports/dtos/breakdowns'
export type { CapacityDto, CapacityWeekDto, MemberCapacityDto } from '../../../app/reports/dtos/capacity'
