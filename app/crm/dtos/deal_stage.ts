import type DealStage from '#crm/models/deal_stage'
import type { StageKind } from '#crm/models/deal_stage'

export interface DealStageDto {
  id: string
  name: string
  /** The name lower-cased: what the API calls the stage ("lead", "won"). */
  key: string
  kind: StageKind
  position: number
  defaultProbability: number
}

/** Totals of a stage's deals, for column headers: weighted only for open stages. */
export interface StageTotalsDto {
  count: number
  value: number
  weightedValue: number | null
}

export interface StageSummaryDto extends DealStageDto {
  totals: StageTotalsDto
}

export function toDealStageDto(stage: DealStage): DealStageDto {
  return {
    id: stage.id,
    name: stage.name,
    key: stage.name.toLowerCase(),
    kind: stage.kind,
    position: stage.position,
    defaultProbability: stage.defaultProbability,
  }
}
