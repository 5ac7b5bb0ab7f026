import type User from '#core/models/user'

export interface UserDto {
  id: string
  name: string
  email: string
  role: User['role']
  isActive: boolean
  capacityHoursWeekly: number
  lastLoginAt: string | null
  createdAt: string
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    isActive: user.isActive,
    capacityHoursWeekly: user.capacityHoursWeekly,
    lastLoginAt: user.lastLoginAt?.toISO() ?? null,
    createdAt: user.createdAt.toISO()!,
  }
}
