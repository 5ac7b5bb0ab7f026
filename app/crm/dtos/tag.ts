import type Tag from '#crm/models/tag'

export interface TagDto {
  id: string
  name: string
  color: string
}

export function toTagDto(tag: Pick<Tag, 'id' | 'name' | 'color'>): TagDto {
  return { id: tag.id, name: tag.name, color: tag.color }
}
