import vine from '@vinejs/vine'

/**
 * A manual line or a discount on a draft. `unitPrice` is in minor units
 * (a discount takes that much off per unit: its sign does not matter);
 * `quantity` is a number with at most three decimals, 1 when absent.
 */
const quantity = () => vine.number().min(0).max(1_000_000).decimal([0, 3])
const unitPrice = () => vine.number().withoutDecimals().min(-1_000_000_000_000).max(1_000_000_000_000)
const description = () => vine.string().trim().minLength(1).maxLength(500)
const kind = () => vine.enum(['manual', 'discount'] as const)

export const addDraftLineValidator = vine.compile(
  vine.object({
    kind: kind().optional(),
    description: description(),
    quantity: quantity().optional(),
    unitPrice: unitPrice(),
  })
)

export const updateDraftLineValidator = vine.compile(
  vine.object({
    kind: kind().optional(),
    description: description().optional(),
    quantity: quantity().optional(),
    unitPrice: unitPrice().optional(),
  })
)

/** A quantity as typed (1.5, "2.125") to thousandths without float error: 1.5 → 1500. */
export function quantityToMilli(quantity: number | string): number {
  const [whole, fraction = ''] = String(quantity).split('.')
  return Number(whole) * 1000 + Number((fraction + '000').slice(0, 3))
}

type AddInput = Awaited<ReturnType<typeof addDraftLineValidator.validate>>
type UpdateInput = Awaited<ReturnType<typeof updateDraftLineValidator.validate>>

export function newLineFrom(input: AddInput) {
  return {
    kind: input.kind ?? 'manual',
    description: input.description,
    quantityMilli: quantityToMilli(input.quantity ?? 1),
    unitAmountCents: input.unitPrice,
  }
}

export function lineChangesFrom(input: UpdateInput) {
  return {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.quantity !== undefined ? { quantityMilli: quantityToMilli(input.quantity) } : {}),
    ...(input.unitPrice !== undefined ? { unitAmountCents: input.unitPrice } : {}),
  }
}
