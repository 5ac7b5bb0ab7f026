import { fieldError } from '#core/public/errors'
import { findStaff } from '#core/public/users'
import Client from '#crm/models/client'

export interface ProspectInput {
  companyName: string
  contactName?: string | null
  contactEmail?: string | null
}

/** The deal's columns for "an existing client" or "a new one" (a prospect until the deal is won). */
export async function clientColumns(input: { clientId?: string; client?: ProspectInput }) {
  if (input.clientId && input.client) fieldError('clientId', 'Choose an existing client or enter a new one, not both', 'exclusive')
  if (input.client) {
    return {
      clientId: null,
      prospectCompanyName: input.client.companyName,
      prospectContactName: input.client.contactName ?? null,
      prospectContactEmail: input.client.contactEmail ?? null,
    }
  }
  if (!input.clientId) fieldError('clientId', 'Choose a client or enter a new one', 'required')
  // Another agency's client is hidden by RLS: a 404, as for any id of theirs.
  const client = await Client.findOrFail(input.clientId)
  if (client.archivedAt) fieldError('clientId', `${client.companyName} is archived: restore it first`, 'archived')
  return { clientId: client.id, prospectCompanyName: null, prospectContactName: null, prospectContactEmail: null }
}

/** A deal's owner is an active member of the agency's staff (RLS hides everyone else). */
export async function checkOwner(ownerId: string | null) {
  if (!ownerId) return null
  const owner = await findStaff(ownerId)
  if (!owner?.isActive) fieldError('ownerId', 'Choose an active member of your team', 'exists')
  return owner.id
}
