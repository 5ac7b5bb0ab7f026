import { recordAudit } from '#core/public/audit'
import { fieldError } from '#core/public/errors'
import Tag from '#crm/models/tag'

/** Tag names are unique per agency whatever their case (tags_name_unique). */
export async function assertTagNameFree(name: string, except?: string) {
  const query = Tag.query().whereRaw('lower(name) = ?', [name.toLowerCase()])
  if (except) query.whereNot('id', except)
  if (await query.first()) fieldError('name', `A tag named “${name}” already exists`, 'unique')
}

export default class CreateTag {
  async handle(input: { name: string; color?: string }) {
    await assertTagNameFree(input.name)
    const tag = await Tag.create({ name: input.name, color: input.color?.toLowerCase() ?? '#64748b' })
    await recordAudit({ entityType: 'tag', entityId: tag.id, action: 'created', after: { name: tag.name, color: tag.color } })
    return tag
  }
}
