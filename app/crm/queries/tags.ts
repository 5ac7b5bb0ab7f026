import { tenancy } from '#core/public/tenancy'
import Tag from '#crm/models/tag'
import { toTagDto, type TagDto } from '#crm/dtos/tag'

export interface TagWithCountDto extends TagDto {
  /** Clients carrying the tag that the viewer can see. */
  clientCount: number
}

export async function listTags(): Promise<TagWithCountDto[]> {
  const tags = await Tag.query()
    .leftJoin('client_tags', 'client_tags.tag_id', 'tags.id')
    .groupBy('tags.id')
    .select('tags.*')
    .select(tenancy.client().raw('count(client_tags.client_id)::int as client_count'))
    .orderByRaw('lower(tags.name)')
  return tags.map((tag) => ({ ...toTagDto(tag), clientCount: tag.$extras.client_count as number }))
}
