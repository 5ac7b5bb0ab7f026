import { recordAudit } from '#core/public/audit'
import { fieldError } from '#core/public/errors'
import type Client from '#crm/models/client'
import Tag from '#crm/models/tag'

/**
 * The agency's tags with these ids, or a 422 on `tagIds`: RLS hides other
 * agencies' tags, so their ids are refused here and never attached.
 */
export async function requireTags(tagIds: string[]) {
  const unique = [...new Set(tagIds)]
  const tags = unique.length ? await Tag.query().whereIn('id', unique) : []
  if (tags.length !== unique.length) fieldError('tagIds', 'One or more tags do not exist', 'exists')
  return tags
}

/** Replaces the client's tags with exactly these. */
export default class SetClientTags {
  async handle(client: Client, tagIds: string[]) {
    const tags = await requireTags(tagIds)
    const before = (await client.related('tags').query().select('tags.name')).map((tag) => tag.name).sort()
    await client
      .related('tags')
      .sync(Object.fromEntries(tags.map((tag) => [tag.id, { agency_id: client.agencyId }])))
    const after = tags.map((tag) => tag.name).sort()
    if (before.join('\n') !== after.join('\n')) {
      await recordAudit({ entityType: 'client', entityId: client.id, action: 'tags_changed', before: { tags: before }, after: { tags: after } })
    }
    return tags
  }
}
