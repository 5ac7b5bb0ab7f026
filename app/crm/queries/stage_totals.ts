import { tenancy } from '#core/public/tenancy'
import type DealStage from '#crm/models/deal_stage'
import { toDealStageDto, type StageSummaryDto } from '#crm/dtos/deal_stage'
import type { ForecastFigures } from '#crm/dtos/forecast'
import { WEIGHTED_PRODUCTS_SQL, weightedFromProducts } from '#crm/queries/weighted_value'

interface StageAggregate {
  stage_id: string
  count: number
  value: number
  products: string
}

/**
 * Each stage with the count, value and weighted value of all its deals (the
 * weighted figure only for open stages), and the open pipeline's totals.
 */
export async function stageSummaries(stages: DealStage[]): Promise<{ stages: StageSummaryDto[]; pipeline: ForecastFigures }> {
  const trx = tenancy.client()
  const rows: StageAggregate[] = await trx
    .from('deals')
    .select('stage_id', trx.raw('count(*)::int as count'), trx.raw('coalesce(sum(value_cents), 0)::bigint as value'), trx.raw(`${WEIGHTED_PRODUCTS_SQL} as products`))
    .groupBy('stage_id')
  const byStage = new Map(rows.map((row) => [row.stage_id, row]))

  let pipelineProducts = 0n
  const pipeline = { count: 0, value: 0, weightedValue: 0 }
  const summaries = stages.map((stage) => {
    const row = byStage.get(stage.id)
    const totals = { count: row?.count ?? 0, value: row?.value ?? 0, weightedValue: null as number | null }
    if (stage.kind === 'open') {
      totals.weightedValue = weightedFromProducts(row?.products ?? 0)
      pipeline.count += totals.count
      pipeline.value += totals.value
      pipelineProducts += BigInt(row?.products ?? 0)
    }
    return { ...toDealStageDto(stage), totals }
  })
  pipeline.weightedValue = weightedFromProducts(pipelineProducts)
  return { stages: summaries, pipeline }
}
