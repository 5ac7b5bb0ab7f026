import type Client from '#crm/models/client'
import type Deal from '#crm/models/deal'
import type DealStage from '#crm/models/deal_stage'
import type { StageKind } from '#crm/models/deal_stage'
import { weightedValue } from '#crm/queries/weighted_value'

export interface DealDto {
  id: string
  title: string
  description: string | null
  /** The stage's name lower-cased ("lead", "won"). */
  stage: string
  stageId: string
  stageKind: StageKind
  /** Minor units. */
  value: number
  currency: string
  probability: number
  weightedValue: number
  /** YYYY-MM-DD */
  expectedCloseDate: string | null
  owner: { id: string; name: string } | null
  client: { id: string; companyName: string } | null
  /** Set while the deal is with a company that is not a client yet. */
  prospect: { companyName: string; contactName: string | null; contactEmail: string | null } | null
  lostReason: string | null
  closedAt: string | null
  projectId: string | null
  position: number
  createdAt: string
  updatedAt: string
}

export interface DealRelations {
  stage: DealStage
  client: Pick<Client, 'id' | 'companyName'> | null
  ownerName: string | null
}

export function toDealDto(deal: Deal, { stage, client, ownerName }: DealRelations): DealDto {
  return {
    id: deal.id,
    title: deal.title,
    description: deal.description,
    stage: stage.name.toLowerCase(),
    stageId: stage.id,
    stageKind: stage.kind,
    value: deal.valueCents,
    currency: deal.currency,
    probability: deal.probability,
    weightedValue: weightedValue([deal]),
    expectedCloseDate: deal.expectedCloseDate?.toISODate() ?? null,
    owner: deal.ownerUserId ? { id: deal.ownerUserId, name: ownerName ?? 'Former user' } : null,
    client: client ? { id: client.id, companyName: client.companyName } : null,
    prospect:
      !client && deal.prospectCompanyName
        ? { companyName: deal.prospectCompanyName, contactName: deal.prospectContactName, contactEmail: deal.prospectContactEmail }
        : null,
    lostReason: deal.lostReason ?? null,
    closedAt: deal.closedAt?.toISO() ?? null,
    projectId: deal.wonProjectId ?? null,
    position: deal.position,
    createdAt: deal.createdAt.toISO()!,
    updatedAt: deal.updatedAt.toISO()!,
  }
}

/** One entry of a deal's history (its timeline entries). */
export interface DealActivityDto {
  id: string
  kind: string
  body: string
  actorName: string | null
  occurredAt: string
}
