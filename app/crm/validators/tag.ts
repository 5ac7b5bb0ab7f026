import vine from '@vinejs/vine'

const name = () => vine.string().trim().minLength(1).maxLength(40)
const color = () => vine.string().trim().regex(/^#[0-9a-fA-F]{6}$/)

export const createTagValidator = vine.compile(vine.object({ name: name(), color: color().optional() }))

export const updateTagValidator = vine.compile(vine.object({ name: name().optional(), color: color().optional() }))

/** On the client page: attach an existing tag, or create one inline by name. */
export const addClientTagValidator = vine.compile(
  vine.object({
    tagId: vine.string().uuid().optional().requiredIfMissing('name'),
    name: name().optional(),
    color: color().optional(),
  })
)
