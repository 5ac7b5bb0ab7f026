import User, { type StaffRole } from '#core/models/user'
import { toUserDto, type UserDto } from '#core/dtos/user'

export type { UserDto }
export type { StaffRole }

/** Staff of the current agency (RLS scopes the read), as plain data. */
export async function listStaff(options: { activeOnly?: boolean } = {}): Promise<UserDto[]> {
  const query = User.query().orderBy('name')
  if (options.activeOnly) query.where('isActive', true)
  return (await query).map(toUserDto)
}

export async function findStaff(userId: string): Promise<UserDto | null> {
  const user = await User.find(userId)
  return user ? toUserDto(user) : null
}

/** What policies in other modules need to know about the signed-in staff user. */
export interface StaffIdentity {
  id: string
  agencyId: string
  role: StaffRole
}

/** A person's own billable and cost rates (minor units), for rate resolution in other modules. */
export async function staffRates(userId: string): Promise<{ hourlyRateCents: number | null; costRateCents: number | null } | null> {
  const user = await User.find(userId)
  return user ? { hourlyRateCents: user.hourlyRateCents, costRateCents: user.costRateCents } : null
}
