import vine from '@vinejs/vine'
import { contactFields } from '#crm/validators/client'

const flags = {
  isPrimary: vine.boolean().optional(),
  isBillingContact: vine.boolean().optional(),
  portalAccess: vine.boolean().optional(),
}

export const createContactValidator = vine.compile(
  vine.object({
    name: contactFields.name(),
    email: contactFields.email(),
    phone: contactFields.phone(),
    jobTitle: contactFields.jobTitle(),
    ...flags,
  })
)

export const updateContactValidator = vine.compile(
  vine.object({
    name: contactFields.name().optional(),
    email: contactFields.email(),
    phone: contactFields.phone(),
    jobTitle: contactFields.jobTitle(),
    ...flags,
  })
)
