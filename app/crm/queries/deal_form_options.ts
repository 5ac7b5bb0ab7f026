import { agencySettings } from '#core/public/agency'
import { listStaff } from '#core/public/users'
import { tenancy } from '#core/public/tenancy'
import { toDealStageDto, type DealStageDto } from '#crm/dtos/deal_stage'
import { orderedStages } from '#crm/queries/deal_stages'

export interface DealFormOptions {
  stages: DealStageDto[]
  /** Active staff: who can own a deal. */
  staff: { id: string; name: string }[]
  /** The agency's currency: the form's value field is in its major unit. */
  currency: string
}

export async function dealFormOptions(): Promise<DealFormOptions> {
  return {
    stages: (await orderedStages()).map(toDealStageDto),
    staff: (await listStaff({ activeOnly: true })).map((user) => ({ id: user.id, name: user.name })),
    currency: (await agencySettings(tenancy.agencyId())).currency,
  }
}
