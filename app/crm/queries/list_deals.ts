import type { Infer } from '@vinejs/vine/types'
import Deal from '#crm/models/deal'
import DealStage from '#crm/models/deal_stage'
import type { DealDto } from '#crm/dtos/deal'
import type { listDealsValidator } from '#crm/validators/deal'
import { presentDeals } from '#crm/queries/present_deals'

export type DealFilters = Infer<typeof listDealsValidator>

export interface DealListDto {
  deals: DealDto[]
  total: number
  page: number
  perPage: number
  lastPage: number
}

const SORT_COLUMNS = {
  title: 'lower(title)',
  value: 'value_cents',
  probability: 'probability',
  expectedCloseDate: 'expected_close_date',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const

/** The deal list: filters combine (AND), newest first unless sorted otherwise. */
export async function listDeals(filters: DealFilters): Promise<DealListDto> {
  const query = Deal.query()
  if (filters.stageId) query.where('stageId', filters.stageId)
  if (filters.ownerId) query.where('ownerUserId', filters.ownerId)
  if (filters.clientId) query.where('clientId', filters.clientId)
  if (filters.status) query.whereIn('stageId', DealStage.query().where('kind', filters.status).select('id'))
  if (filters.closeFrom) query.where('expectedCloseDate', '>=', filters.closeFrom)
  if (filters.closeTo) query.where('expectedCloseDate', '<=', filters.closeTo)

  const direction = filters.direction ?? (filters.sort ? 'asc' : 'desc')
  // Deals without a close date go last whichever way the dates are sorted.
  query.orderByRaw(`${SORT_COLUMNS[filters.sort ?? 'createdAt']} ${direction} nulls last`).orderBy('id')

  const result = await query.paginate(filters.page ?? 1, filters.perPage ?? 25)
  return {
    deals: await presentDeals(result.all()),
    total: result.total,
    page: result.currentPage,
    perPage: result.perPage,
    lastPage: result.lastPage,
  }
}
