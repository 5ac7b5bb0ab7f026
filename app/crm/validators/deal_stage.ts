import vine from '@vinejs/vine'

const name = () => vine.string().trim().minLength(1).maxLength(40)
const defaultProbability = () => vine.number().withoutDecimals().min(0).max(100)

export const createStageValidator = vine.compile(vine.object({ name: name(), defaultProbability: defaultProbability() }))

/** `kind` is accepted only to refuse a change clearly: a stage's kind is fixed. */
export const updateStageValidator = vine.compile(
  vine.object({
    name: name().optional(),
    defaultProbability: defaultProbability().optional(),
    kind: vine.enum(['open', 'won', 'lost'] as const).optional(),
  })
)

export const reorderStagesValidator = vine.compile(
  vine.object({ stageIds: vine.array(vine.string().uuid()).minLength(1).maxLength(50).distinct() })
)
