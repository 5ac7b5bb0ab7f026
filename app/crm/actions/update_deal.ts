import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { checkOwner, clientColumns, type ProspectInput } from '#crm/actions/deal_inputs'
import Deal from '#crm/models/deal'

export interface DealChanges {
  title?: string
  description?: string | null
  value?: number
  probability?: number
  expectedCloseDate?: string | null
  ownerId?: string | null
  clientId?: string
  client?: ProspectInput
}

/** Edits a deal's details; its stage changes only through MoveDealStage. */
export default class UpdateDeal {
  async handle(dealId: string, changes: DealChanges) {
    const deal = await Deal.query().where('id', dealId).forUpdate().firstOrFail()
    const before = deal.serialize()

    if (changes.clientId !== undefined || changes.client !== undefined) {
      if (deal.wonProjectId) throw new ConflictException(`“${deal.title}” is won: its client owns the project and cannot change`)
      deal.merge(await clientColumns(changes))
    }
    // An owner who has since left may stay on the deal until someone picks another.
    if (changes.ownerId !== undefined && changes.ownerId !== deal.ownerUserId) deal.ownerUserId = await checkOwner(changes.ownerId)
    if (changes.title !== undefined) deal.title = changes.title
    if (changes.description !== undefined) deal.description = changes.description
    if (changes.value !== undefined) deal.valueCents = changes.value
    if (changes.probability !== undefined) deal.probability = changes.probability
    if (changes.expectedCloseDate !== undefined) {
      deal.expectedCloseDate = changes.expectedCloseDate ? DateTime.fromISO(changes.expectedCloseDate) : null
    }

    const dirty = Object.keys(deal.$dirty)
    if (!dirty.length) return deal
    await deal.save()
    const after = deal.serialize()
    await recordAudit({
      entityType: 'deal',
      entityId: deal.id,
      action: 'updated',
      before: Object.fromEntries(dirty.map((key) => [key, before[key]])),
      after: Object.fromEntries(dirty.map((key) => [key, after[key]])),
    })
    return deal
  }
}
