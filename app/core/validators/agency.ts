import vine from '@vinejs/vine'
import { oneOf } from './rules/one_of.js'

/** Every IANA zone this runtime knows, and ISO 4217 codes it can format. */
export const TIMEZONES = Intl.supportedValuesOf('timeZone').concat('UTC')
export const CURRENCIES = Intl.supportedValuesOf('currency')

const fields = () => ({
  name: vine.string().trim().minLength(1).maxLength(120),
  currency: vine
    .string()
    .trim()
    .toUpperCase()
    .use(oneOf({ allowed: new Set(CURRENCIES), message: 'Choose a supported ISO 4217 currency code' })),
  timezone: vine
    .string()
    .trim()
    .use(oneOf({ allowed: new Set(TIMEZONES), message: 'Choose a time zone from the IANA list' })),
  taxRate: vine.number().min(0).max(100).decimal([0, 2]),
  invoicePrefix: vine
    .string()
    .trim()
    .minLength(1)
    .maxLength(12)
    .regex(/^[A-Za-z0-9._\-/]+$/),
  paymentTermsDays: vine.number().withoutDecimals().min(0).max(365),
  brandColor: vine
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/),
})

/** Minor units per hour; null clears it. */
const rate = () => vine.number().withoutDecimals().min(0).max(100_000_000).nullable().optional()

const logo = () => vine.file({ size: '2mb', extnames: ['png', 'jpg', 'jpeg', 'svg', 'webp'] }).optional()

/** PATCH /api/agency: any subset of the settings. */
const partial = fields()
export const agencySettingsValidator = vine.compile(
  vine.object({
    name: partial.name.optional(),
    currency: partial.currency.optional(),
    timezone: partial.timezone.optional(),
    taxRate: partial.taxRate.optional(),
    invoicePrefix: partial.invoicePrefix.optional(),
    paymentTermsDays: partial.paymentTermsDays.optional(),
    brandColor: partial.brandColor.optional(),
    requireTimeApproval: vine.boolean().optional(),
    defaultHourlyRate: rate(),
    defaultCostRate: rate(),
    logo: logo(),
  })
)

/** The settings page posts every field; an emptied one is an error, not "unchanged". */
export const agencySettingsFormValidator = vine.compile(
  vine.object({
    ...fields(),
    requireTimeApproval: vine.boolean().optional(),
    defaultHourlyRate: rate(),
    defaultCostRate: rate(),
    logo: logo(),
  })
)
