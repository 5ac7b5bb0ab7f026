import vine from '@vinejs/vine'
import { optionalText, website } from '#crm/validators/rules'

const companyName = () => vine.string().trim().minLength(1).maxLength(160)
const tagIds = () => vine.array(vine.string().uuid()).maxLength(50).distinct()

/** An email check that lets an emptied field through (it means "no email"). */
const email = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && value !== '' && !vine.helpers.isEmail(value)) {
    field.report('Enter a valid email address', 'email', field)
  }
})

export const contactFields = {
  name: () => vine.string().trim().minLength(1).maxLength(120),
  email: () => optionalText(254, (text) => text.toLowerCase().use(email())),
  phone: () => optionalText(40),
  jobTitle: () => optionalText(120),
}

/** `lifetimeRevenue` and anything else not listed is dropped: revenue is derived, never typed. */
export const createClientValidator = vine.compile(
  vine.object({
    companyName: companyName(),
    industry: optionalText(80),
    website: optionalText(255, (text) => text.use(website())),
    address: optionalText(500),
    tagIds: tagIds().optional(),
    primaryContact: vine
      .object({
        name: contactFields.name(),
        email: contactFields.email(),
        phone: contactFields.phone(),
        jobTitle: contactFields.jobTitle(),
      })
      .nullable()
      .optional(),
  })
)

export const updateClientValidator = vine.compile(
  vine.object({
    companyName: companyName().optional(),
    industry: optionalText(80),
    website: optionalText(255, (text) => text.use(website())),
    address: optionalText(500),
    tagIds: tagIds().optional(),
  })
)

export const clientTagsValidator = vine.compile(vine.object({ tagIds: tagIds() }))

/** The list's filters, shared by the page, the CSV export and the API. */
const filters = {
  search: vine.string().trim().maxLength(100).optional(),
  /** Tag ids, or tag names (case-insensitive). */
  tag: vine.array(vine.string().trim().minLength(1).maxLength(40)).maxLength(20).optional(),
  industry: vine.string().trim().maxLength(80).optional(),
  /** Clients with a deal in this stage: its id, its name, or a kind (`open`, `won`, `lost`). */
  stage: vine.string().trim().maxLength(40).optional(),
  archived: vine.enum(['true', 'false', 'all'] as const).optional(),
  sort: vine.enum(['name', 'revenue', 'activity'] as const).optional(),
}

export const clientFiltersValidator = vine.compile(vine.object(filters))

export const clientListValidator = vine.compile(
  vine.object({
    ...filters,
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  })
)

/**
 * `tag=a`, `tag=a&tag=b`, `tag[]=a` and `tag[0]=a` all mean a list of tag
 * ids; empty values (an unset select) mean no filter.
 */
export function normalizeListQuery(qs: Record<string, unknown>) {
  const { tag, ...rest } = qs
  const tags = tag === undefined || tag === null ? [] : typeof tag === 'object' ? Object.values(tag) : [tag]
  const clean = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== '' && value !== null))
  const tagList = tags.filter((value) => value !== '')
  return tagList.length ? { ...clean, tag: tagList } : clean
}
