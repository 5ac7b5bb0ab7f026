import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { recordAudit } from '#core/public/audit'
import { fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { checkOwner, clientColumns, type ProspectInput } from '#crm/actions/deal_inputs'
import { lockColumns, nextPosition } from '#crm/actions/deal_columns'
import Deal from '#crm/models/deal'
import { findStage, orderedStages } from '#crm/queries/deal_stages'
import { recordClientEvent } from '#crm/public/timeline'

export interface NewDeal {
  title: string
  description?: string | null
  /** Minor units. */
  value: number
  /** Defaults from the stage. */
  probability?: number
  expectedCloseDate?: string | null
  /** Defaults to whoever creates the deal; null for none. */
  ownerId?: string | null
  /** A stage id or name; the first open stage by default. */
  stage?: string
  clientId?: string
  client?: ProspectInput
}

/** A deal at the end of an open stage's column, on its client's (or prospect's) timeline. */
export default class CreateDeal {
  async handle(input: NewDeal) {
    const client = await clientColumns(input)
    const ownerUserId = await checkOwner(input.ownerId === undefined ? (tenancy.current()?.userId ?? null) : input.ownerId)
    const stage = input.stage ? await findStage(input.stage) : await orderedStages().where('kind', 'open').first()
    if (!stage) return fieldError('stage', 'There is no stage with this name or id', 'exists')
    if (stage.kind !== 'open') fieldError('stage', 'A new deal starts in an open stage: move it to won or lost afterwards', 'open')

    await lockColumns([stage.id])
    const deal = await Deal.create({
      ...client,
      title: input.title,
      description: input.description ?? null,
      valueCents: input.value,
      currency: (await agencySettings(tenancy.agencyId())).currency,
      probability: input.probability ?? stage.defaultProbability,
      expectedCloseDate: input.expectedCloseDate ? DateTime.fromISO(input.expectedCloseDate) : null,
      ownerUserId,
      stageId: stage.id,
      position: await nextPosition(stage.id),
    })
    await recordClientEvent({
      clientId: deal.clientId,
      dealId: deal.id,
      kind: 'deal_created',
      body: `Deal “${deal.title}” created in ${stage.name}`,
      metadata: { stageId: stage.id, stage: stage.name, valueCents: deal.valueCents },
    })
    await recordAudit({
      entityType: 'deal',
      entityId: deal.id,
      action: 'created',
      after: { title: deal.title, stage: stage.name, valueCents: deal.valueCents, probability: deal.probability, clientId: deal.clientId },
    })
    return deal
  }
}
