import { listStaff } from '#core/public/users'
import Client from '#crm/models/client'
import type Deal from '#crm/models/deal'
import DealStage from '#crm/models/deal_stage'
import { toDealDto, type DealDto } from '#crm/dtos/deal'

/** Names of the agency's staff, deactivated ones included (they may still own deals). */
export async function staffNames() {
  return new Map((await listStaff()).map((user) => [user.id, user.name]))
}

/** Deals as DTOs, with their stage, client and owner looked up in one query each. */
export async function presentDeals(deals: Deal[]): Promise<DealDto[]> {
  if (!deals.length) return []
  const stages = new Map((await DealStage.all()).map((stage) => [stage.id, stage]))
  const clientIds = [...new Set(deals.map((deal) => deal.clientId).filter((id): id is string => !!id))]
  const clients = clientIds.length ? await Client.query().whereIn('id', clientIds).select('id', 'companyName') : []
  const clientsById = new Map(clients.map((client) => [client.id, client]))
  const names = await staffNames()
  return deals.map((deal) =>
    toDealDto(deal, {
      stage: stages.get(deal.stageId)!,
      client: deal.clientId ? (clientsById.get(deal.clientId) ?? null) : null,
      ownerName: deal.ownerUserId ? (names.get(deal.ownerUserId) ?? null) : null,
    })
  )
}

export async function presentDeal(deal: Deal): Promise<DealDto> {
  const [dto] = await presentDeals([deal])
  return dto
}
