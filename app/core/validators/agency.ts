import vine from '@vinejs/vine'
import { oneOf } from './rules/one_of.js'

/** Every IANA zone this runtime knows, and ISO 4217 codes it can format. */
export const TIMEZONES = Intl.supportedValuesOf('timeZone').concat('UTC')
export const CURRENCIES = Intl.supportedValuesOf('currency')

export const agencySettingsValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(120).optional(),
    currency: vine
      .string()
      .trim()
      .toUpperCase()
      .use(oneOf({ allowed: new Set(CURRENCIES), message: 'Choose a supported ISO 4217 currency code' }))
      .optional(),
    timezone: vine
      .string()
      .trim()
      .use(oneOf({ allowed: new Set(TIMEZONES), message: 'Choose a time zone from the IANA list' }))
      .optional(),
    taxRate: vine.number().min(0).max(100).decimal([0, 2]).optional(),
    invoicePrefix: vine.string().trim().minLength(1).maxLength(12).regex(/^[A-Za-z0-9._\-/]+$/).optional(),
    paymentTermsDays: vine.number().withoutDecimals().min(0).max(365).optional(),
    requireTimeApproval: vine.boolean().optional(),
    brandColor: vine.string().trim().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    logo: vine
      .file({ size: '2mb', extnames: ['png', 'jpg', 'jpeg', 'svg', 'webp'] })
      .optional(),
  })
)
