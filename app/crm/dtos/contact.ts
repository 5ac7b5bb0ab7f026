import type Contact from '#crm/models/contact'

export interface ContactDto {
  id: string
  clientId: string
  name: string
  email: string | null
  phone: string | null
  jobTitle: string | null
  isPrimary: boolean
  isBillingContact: boolean
  portalAccess: boolean
  createdAt: string
}

/** The primary contact as the client list and API show it. */
export interface PrimaryContactDto {
  id: string
  name: string
  email: string | null
  phone: string | null
  jobTitle: string | null
}

export function toContactDto(contact: Contact): ContactDto {
  return {
    id: contact.id,
    clientId: contact.clientId,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    jobTitle: contact.jobTitle,
    isPrimary: contact.isPrimary,
    isBillingContact: contact.isBillingContact,
    portalAccess: contact.portalAccess,
    createdAt: contact.createdAt.toISO()!,
  }
}

export function toPrimaryContactDto(contact: Contact): PrimaryContactDto {
  return { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone, jobTitle: contact.jobTitle }
}
