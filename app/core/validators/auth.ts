import vine from '@vinejs/vine'

const email = () => vine.string().trim().toLowerCase().email().maxLength(254)
/** ASVS 2.1: at least 12 characters, long passphrases allowed, no composition rules. */
const newPassword = () => vine.string().minLength(12).maxLength(128)

export const signUpValidator = vine.compile(
  vine.object({
    agencyName: vine.string().trim().minLength(1).maxLength(120),
    name: vine.string().trim().minLength(1).maxLength(120),
    email: email(),
    password: newPassword(),
  })
)

export const loginValidator = vine.compile(
  vine.object({
    email: email(),
    password: vine.string().minLength(1).maxLength(128),
  })
)

export const forgotPasswordValidator = vine.compile(vine.object({ email: email() }))

export const resetPasswordValidator = vine.compile(
  vine.object({ password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }) })
)

export const acceptInvitationValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(120),
    password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
  })
)
