export interface ActivityDto {
  id: string
  clientId: string | null
  dealId: string | null
  /** note, call, meeting, email (logged by hand) or an event: deal_moved, project_created, invoice_paid… */
  kind: string
  body: string
  manual: boolean
  actor: { id: string; name: string } | null
  occurredAt: string
  /** Whether the viewer may delete it: manual entries, by their author or an owner. */
  canDelete: boolean
}

export interface TimelinePage {
  activities: ActivityDto[]
  total: number
  page: number
  perPage: number
  lastPage: number
}
