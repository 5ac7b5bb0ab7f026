import type Client from '#crm/models/client'
import type { ContactDto, PrimaryContactDto } from '#crm/dtos/contact'
import type { TagDto } from '#crm/dtos/tag'

export interface ClientDto {
  id: string
  companyName: string
  industry: string | null
  website: string | null
  address: string | null
  primaryContact: PrimaryContactDto | null
  tags: TagDto[]
  /** Minor units of `currency`, from paid invoices; never typed. */
  lifetimeRevenue: number
  currency: string
  lastActivityAt: string
  archivedAt: string | null
  createdAt: string
}

export interface ClientWithContactsDto extends ClientDto {
  contacts: ContactDto[]
}

export function toClientDto(
  client: Client,
  extra: { primaryContact: PrimaryContactDto | null; tags: TagDto[]; currency: string }
): ClientDto {
  return {
    id: client.id,
    companyName: client.companyName,
    industry: client.industry,
    website: client.website,
    address: client.address,
    primaryContact: extra.primaryContact,
    tags: extra.tags,
    lifetimeRevenue: Number(client.lifetimeRevenueCents),
    currency: extra.currency,
    lastActivityAt: client.lastActivityAt.toISO()!,
    archivedAt: client.archivedAt?.toISO() ?? null,
    createdAt: client.createdAt.toISO()!,
  }
}
