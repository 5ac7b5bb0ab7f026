import vine from '@vinejs/vine'

export const inviteMemberValidator = vine.compile(
  vine.object({
    email: vine.string().trim().toLowerCase().email().maxLength(254),
    role: vine.enum(['manager', 'member'] as const),
  })
)

export const changeRoleValidator = vine.compile(
  vine.object({ role: vine.enum(['owner', 'manager', 'member'] as const) })
)

export const createTokenValidator = vine.compile(
  vine.object({ name: vine.string().trim().minLength(1).maxLength(80) })
)
