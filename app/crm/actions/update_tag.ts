import { recordAudit } from '#core/public/audit'
import type Tag from '#crm/models/tag'
import { assertTagNameFree } from '#crm/actions/create_tag'

/** Renames or recolours a tag; every client carrying it follows. */
export default class UpdateTag {
  async handle(tag: Tag, changes: { name?: string; color?: string }) {
    if (changes.name !== undefined) await assertTagNameFree(changes.name, tag.id)
    const before = { name: tag.name, color: tag.color }
    tag.merge({ name: changes.name ?? tag.name, color: changes.color?.toLowerCase() ?? tag.color })
    if (Object.keys(tag.$dirty).length) {
      await tag.save()
      await recordAudit({ entityType: 'tag', entityId: tag.id, action: 'updated', before, after: { name: tag.name, color: tag.color } })
    }
    return tag
  }
}
