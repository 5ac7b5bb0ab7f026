import vine from '@vinejs/vine'

export const searchValidator = vine.compile(vine.object({ q: vine.string().trim().minLength(2).maxLength(100) }))
