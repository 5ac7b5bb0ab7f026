import { tenancy } from '#core/public/tenancy'
import type { ForecastDto, ForecastFigures } from '#crm/dtos/forecast'
import { WEIGHTED_PRODUCTS_SQL, weightedFromProducts } from '#crm/queries/weighted_value'

interface MonthAggregate {
  month: string | null
  count: number
  value: number
  products: string
}

/**
 * Open deals by expected close month. The close date is a calendar DATE, so
 * its month needs no time zone. Each bucket and the total are weighted once
 * over their own deals (see weighted_value.ts).
 */
export async function dealForecast(filter: { ownerUserId?: string } = {}): Promise<ForecastDto> {
  const trx = tenancy.client()
  const query = trx.from('deals')
  if (filter.ownerUserId) query.where('deals.owner_user_id', filter.ownerUserId)
  const rows: MonthAggregate[] = await query
    .join('deal_stages', 'deal_stages.id', 'deals.stage_id')
    .where('deal_stages.kind', 'open')
    .select(
      trx.raw(`to_char(deals.expected_close_date, 'YYYY-MM') as month`),
      trx.raw('count(*)::int as count'),
      trx.raw('coalesce(sum(deals.value_cents), 0)::bigint as value'),
      trx.raw(`${WEIGHTED_PRODUCTS_SQL} as products`)
    )
    .groupByRaw('1')
    .orderByRaw('1 nulls last')

  const figures = (row?: MonthAggregate): ForecastFigures => ({
    count: row?.count ?? 0,
    value: row?.value ?? 0,
    weightedValue: weightedFromProducts(row?.products ?? 0),
  })
  const total = rows.reduce(
    (sum, row) => ({ count: sum.count + row.count, value: sum.value + row.value, products: sum.products + BigInt(row.products) }),
    { count: 0, value: 0, products: 0n }
  )
  return {
    months: rows.filter((row) => row.month).map((row) => ({ month: row.month!, ...figures(row) })),
    noDate: figures(rows.find((row) => !row.month)),
    total: { count: total.count, value: total.value, weightedValue: weightedFromProducts(total.products) },
  }
}
