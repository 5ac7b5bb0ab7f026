import { recordAudit } from '#core/public/audit'
import type Tag from '#crm/models/tag'

/** Deletes a tag; the foreign key's cascade takes it off every client. */
export default class DeleteTag {
  async handle(tag: Tag) {
    await tag.delete()
    await recordAudit({ entityType: 'tag', entityId: tag.id, action: 'deleted', before: { name: tag.name, color: tag.color } })
  }
}
