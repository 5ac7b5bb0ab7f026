import type Client from '#crm/models/client'
import Tag from '#crm/models/tag'
import CreateTag from '#crm/actions/create_tag'
import SetClientTags from '#crm/actions/set_client_tags'

/** From the client page: adds an existing tag, or one typed by name (created unless the agency has it already). */
export default class TagClient {
  async handle(client: Client, input: { tagId?: string; name?: string; color?: string }) {
    const tag = input.tagId
      ? await Tag.findOrFail(input.tagId)
      : ((await Tag.query().whereRaw('lower(name) = ?', [input.name!.toLowerCase()]).first()) ??
        (await new CreateTag().handle({ name: input.name!, color: input.color })))
    const current = await client.related('tags').query().select('tags.id')
    await new SetClientTags().handle(client, [...current.map((existing) => existing.id), tag.id])
    return tag
  }
}
