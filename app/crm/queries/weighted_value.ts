/**
 * The weighted pipeline rule (PRODUCT.md §2), in integer minor units:
 * weighted value of a set of deals = Σ value × probability / 100, rounded
 * half-up ONCE for the whole set. A column's or a month's weighted value is
 * therefore not the sum of its deals' rounded figures. SQL aggregates sum the
 * exact products (WEIGHTED_PRODUCTS_SQL) and finish with weightedFromProducts.
 */
export function weightedFromProducts(sumOfProducts: bigint | string | number): number {
  // Values and probabilities are never negative, so half-up is "add half, divide down".
  return Number((BigInt(sumOfProducts) + 50n) / 100n)
}

export function weightedValue(deals: Iterable<{ valueCents: number; probability: number }>): number {
  let sum = 0n
  for (const deal of deals) sum += BigInt(deal.valueCents) * BigInt(deal.probability)
  return weightedFromProducts(sum)
}

/** Σ value × probability of a group of deal rows, exact (numeric, as text, so it survives as a BigInt). */
export const WEIGHTED_PRODUCTS_SQL = 'coalesce(sum(value_cents::numeric * probability), 0)::text'
