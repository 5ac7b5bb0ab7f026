import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import Tag from '#crm/models/tag'
import CreateTag from '#crm/actions/create_tag'
import UpdateTag from '#crm/actions/update_tag'
import DeleteTag from '#crm/actions/delete_tag'
import { toTagDto } from '#crm/dtos/tag'
import { listTags } from '#crm/queries/tags'
import { createTagValidator, updateTagValidator } from '#crm/validators/tag'

export default class TagsController {
  async index() {
    return { tags: await listTags() }
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const tag = await new CreateTag().handle(await request.validateUsing(createTagValidator))
    return response.created({ tag: toTagDto(tag) })
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const tag = await new UpdateTag().handle(await Tag.findOrFail(params.id), await request.validateUsing(updateTagValidator))
    return { tag: toTagDto(tag) }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    await new DeleteTag().handle(await Tag.findOrFail(params.id))
    return response.noContent()
  }
}
