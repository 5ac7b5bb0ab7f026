import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import Tag from '#crm/models/tag'
import CreateTag from '#crm/actions/create_tag'
import UpdateTag from '#crm/actions/update_tag'
import DeleteTag from '#crm/actions/delete_tag'
import { listTags } from '#crm/queries/tags'
import { createTagValidator, updateTagValidator } from '#crm/validators/tag'

export default class TagsController {
  async index({ inertia, bouncer }: HttpContext) {
    return inertia.render('crm/tags/index', {
      tags: await listTags(),
      can: { manage: await bouncer.with(CrmPolicy).allows('manage') },
    })
  }

  async store({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const tag = await new CreateTag().handle(await request.validateUsing(createTagValidator))
    session.flash('success', `Tag “${tag.name}” created`)
    return response.redirect('/clients/tags')
  }

  async update({ params, request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const tag = await new UpdateTag().handle(await Tag.findOrFail(params.id), await request.validateUsing(updateTagValidator))
    session.flash('success', `Tag “${tag.name}” saved`)
    return response.redirect('/clients/tags')
  }

  async destroy({ params, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const tag = await Tag.findOrFail(params.id)
    await new DeleteTag().handle(tag)
    session.flash('success', `Tag “${tag.name}” deleted`)
    return response.redirect('/clients/tags')
  }
}
