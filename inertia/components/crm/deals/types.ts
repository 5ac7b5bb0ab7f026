// Page props are the server's DTOs: one definition for both sides.
export type { DealDto, DealActivityDto } from '../../../../app/crm/dtos/deal'
export type { DealStageDto, StageSummaryDto } from '../../../../app/crm/dtos/deal_stage'
export type { ForecastDto, ForecastFigures } from '../../../../app/crm/dtos/forecast'
export type { BoardColumnDto, PipelineBoardDto } from '../../../../app/crm/queries/pipeline_board'
export type { DealListDto, DealFilters } from '../../../../app/crm/queries/list_deals'
export type { DealFormOptions } from '../../../../app/crm/queries/deal_form_options'
export type { ClientOptionDto } from '../../../../app/crm/queries/client_options'
