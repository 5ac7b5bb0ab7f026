// Page props are the server's DTOs: one definition for both sides.
export type { ClientDto, ClientWithContactsDto } from '../../../../app/crm/dtos/client'
export type { ContactDto } from '../../../../app/crm/dtos/contact'
export type { TagDto } from '../../../../app/crm/dtos/tag'
export type { ActivityDto } from '../../../../app/crm/dtos/activity'
export type { TagWithCountDto } from '../../../../app/crm/queries/tags'
export type { ClientDealDto } from '../../../../app/crm/queries/client_deals'
export type { ImportSummaryDto } from '../../../../app/crm/queries/plan_client_import'
