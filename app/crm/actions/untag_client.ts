import type Client from '#crm/models/client'
import SetClientTags from '#crm/actions/set_client_tags'

export default class UntagClient {
  async handle(client: Client, tagId: string) {
    const current = await client.related('tags').query().select('tags.id')
    await new SetClientTags().handle(
      client,
      current.map((tag) => tag.id).filter((id) => id !== tagId)
    )
  }
}
