import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import CrmPolicy from '#crm/policies/crm_policy'
import Client from '#crm/models/client'
import CreateClient from '#crm/actions/create_client'
import UpdateClient from '#crm/actions/update_client'
import ArchiveClient from '#crm/actions/archive_client'
import RestoreClient from '#crm/actions/restore_client'
import { relatedRecords } from '#crm/public/client_relations'
import { listClients } from '#crm/queries/client_list'
import { clientDetails } from '#crm/queries/client_details'
import { clientTimeline } from '#crm/queries/client_timeline'
import { clientDeals } from '#crm/queries/client_deals'
import { exportClientsCsv } from '#crm/queries/export_clients'
import { industryOptions } from '#crm/queries/industries'
import { listTags } from '#crm/queries/tags'
import { stageOptions } from '#crm/queries/deal_stages'
import {
  clientFiltersValidator,
  clientListValidator,
  createClientValidator,
  normalizeListQuery,
  updateClientValidator,
} from '#crm/validators/client'
import { timelinePageValidator } from '#crm/validators/activity'

export default class ClientsController {
  async index({ inertia, request, bouncer }: HttpContext) {
    const { page, perPage, ...filters } = await clientListValidator.validate(normalizeListQuery(request.qs()))
    return inertia.render('crm/clients/index', {
      list: await listClients(filters, page, perPage),
      filters: {
        search: filters.search ?? '',
        tag: filters.tag ?? [],
        industry: filters.industry ?? '',
        stage: filters.stage ?? '',
        archived: filters.archived ?? 'false',
        sort: filters.sort ?? 'name',
      },
      tags: await listTags(),
      industries: await industryOptions(),
      // Members see no deals, so they get no stage filter.
      stages: (await bouncer.with(CrmPolicy).allows('viewPipeline')) ? await stageOptions() : [],
      can: { manage: await bouncer.with(CrmPolicy).allows('manage') },
    })
  }

  /** The filtered list, every page of it, as a spreadsheet. */
  async export({ request, response }: HttpContext) {
    const filters = await clientFiltersValidator.validate(normalizeListQuery(request.qs()))
    const csv = await exportClientsCsv(filters)
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="clients-${DateTime.now().toISODate()}.csv"`)
    return csv
  }

  async create({ inertia, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    return inertia.render('crm/clients/create', { tags: await listTags() })
  }

  async store({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const input = await request.validateUsing(createClientValidator)
    const client = await new CreateClient().handle(input)
    session.flash('success', `${client.companyName} added`)
    return response.redirect(`/clients/${client.id}`)
  }

  async show({ inertia, params, request, auth, bouncer }: HttpContext) {
    const client = await clientDetails(params.id)
    const canViewPipeline = await bouncer.with(CrmPolicy).allows('viewPipeline')
    const canManage = await bouncer.with(CrmPolicy).allows('manage')
    const { timelinePage } = await timelinePageValidator.validate(request.qs())
    const timeline = await clientTimeline(client.id, timelinePage ?? 1, auth.user!)
    return inertia.render('crm/clients/show', {
      client,
      // "Load more" asks for the next page only; Inertia appends it to the entries it has.
      timeline: inertia.merge(() => timeline.activities),
      timelineMeta: { page: timeline.page, lastPage: timeline.lastPage, total: timeline.total },
      deals: canViewPipeline ? await clientDeals(client.id) : null,
      related: await relatedRecords(client.id),
      tags: canManage ? await listTags() : [],
      can: { manage: canManage, viewPipeline: canViewPipeline },
    })
  }

  async edit({ inertia, params, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    return inertia.render('crm/clients/edit', { client: await clientDetails(params.id), tags: await listTags() })
  }

  async update({ params, request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    const changes = await request.validateUsing(updateClientValidator)
    await new UpdateClient().handle(client, changes)
    session.flash('success', `${client.companyName} saved`)
    return response.redirect(`/clients/${client.id}`)
  }

  async archive({ params, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await new ArchiveClient().handle(await Client.findOrFail(params.id))
    session.flash('success', `${client.companyName} archived`)
    return response.redirect(`/clients/${client.id}`)
  }

  async restore({ params, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await new RestoreClient().handle(await Client.findOrFail(params.id))
    session.flash('success', `${client.companyName} restored`)
    return response.redirect(`/clients/${client.id}`)
  }
}
