import Deal from '#crm/models/deal'
import type { DealDto } from '#crm/dtos/deal'
import type { StageSummaryDto } from '#crm/dtos/deal_stage'
import type { ForecastFigures } from '#crm/dtos/forecast'
import { orderedStages } from '#crm/queries/deal_stages'
import { presentDeals } from '#crm/queries/present_deals'
import { stageSummaries } from '#crm/queries/stage_totals'

/** Cards per column: won and lost columns grow forever; the list view shows the rest. */
const BOARD_COLUMN_LIMIT = 100

export interface BoardColumnDto extends StageSummaryDto {
  deals: DealDto[]
}

export interface PipelineBoardDto {
  columns: BoardColumnDto[]
  /** Open deals only. */
  pipeline: ForecastFigures
}

export async function pipelineBoard(): Promise<PipelineBoardDto> {
  const { stages: summaries, pipeline } = await stageSummaries(await orderedStages())
  const columns: BoardColumnDto[] = []
  for (const stage of summaries) {
    const deals = await Deal.query().where('stageId', stage.id).orderBy('position').orderBy('createdAt').orderBy('id').limit(BOARD_COLUMN_LIMIT)
    columns.push({ ...stage, deals: await presentDeals(deals) })
  }
  return { columns, pipeline }
}
