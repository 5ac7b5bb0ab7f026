/**
 * Utilization over a range of agency days: hours logged against weekly
 * capacity (capacity_hours_weekly × days / 7). The owner sees everyone, a
 * manager the people on the projects they manage (and themselves), a member
 * only themselves. Time counts under the caller's RLS, so a manager counts
 * their people's time on the projects they manage.
 */
import { listStaff, type StaffIdentity } from '#core/public/users'
import { managedProjectIds } from '#projects/public/time_targets'
import { projectTeamIds } from '#projects/public/report_projects'
import { timeByPersonBetween, timeByPersonDayBetween } from '#time/public/report_time'
import type { MemberUtilizationDto, UtilizationDto, UtilizationFlag, UtilizationWeeklyDto } from '#reports/dtos/utilization'
import { DateTime } from 'luxon'
import { daysInRange, wholePercent } from '#reports/rules/numbers'

export const DEFAULT_UNDER_THRESHOLD = 60

export async function visiblePeople(user: StaffIdentity): Promise<Set<string> | null> {
  if (user.role === 'owner') return null
  if (user.role === 'member') return new Set([user.id])
  return new Set([user.id, ...(await projectTeamIds(await managedProjectIds(user.id)))])
}

function flagFor(utilization: number | null, threshold: number): UtilizationFlag {
  if (utilization === null) return null
  if (utilization > 100) return 'over'
  if (utilization < threshold) return 'under'
  return null
}

export async function utilization(
  user: StaffIdentity,
  range: { from: string; to: string; threshold?: number }
): Promise<UtilizationDto> {
  const threshold = range.threshold ?? DEFAULT_UNDER_THRESHOLD
  const days = daysInRange(range.from, range.to)
  const visible = await visiblePeople(user)
  const staff = (await listStaff({ activeOnly: true })).filter((person) => !visible || visible.has(person.id))
  const time = await timeByPersonBetween(
    range.from,
    range.to,
    staff.map((person) => person.id)
  )

  const members: MemberUtilizationDto[] = staff.map((person) => {
    const logged = time.get(person.id) ?? { loggedSeconds: 0, billableSeconds: 0 }
    // hours × 3600 × days / 7, half-up (integers all the way).
    const capacitySeconds = Math.floor((person.capacityHoursWeekly * 3600 * days * 2 + 7) / 14)
    const percent = wholePercent(logged.loggedSeconds, capacitySeconds)
    return {
      userId: person.id,
      name: person.name,
      loggedSeconds: logged.loggedSeconds,
      billableSeconds: logged.billableSeconds,
      capacitySeconds,
      utilization: percent,
      billableUtilization: wholePercent(logged.billableSeconds, capacitySeconds),
      flag: flagFor(percent, threshold),
    }
  })
  const totalLogged = members.reduce((sum, member) => sum + member.loggedSeconds, 0)
  const totalCapacity = members.reduce((sum, member) => sum + member.capacitySeconds, 0)
  return { from: range.from, to: range.to, threshold, members, agencyAvg: wholePercent(totalLogged, totalCapacity) }
}

/** Hours per week of the range, per person (the same people and RLS-visible time as `utilization`) and in total. */
export async function utilizationWeekly(user: StaffIdentity, range: { from: string; to: string }): Promise<UtilizationWeeklyDto> {
  const visible = await visiblePeople(user)
  const staff = (await listStaff({ activeOnly: true })).filter((person) => !visible || visible.has(person.id))
  const start = DateTime.fromISO(range.from, { zone: 'utc' })
  const end = DateTime.fromISO(range.to, { zone: 'utc' })
  const weeks: UtilizationWeeklyDto['weeks'] = []
  for (let monday = start.startOf('week'); monday <= end; monday = monday.plus({ weeks: 1 })) {
    const sunday = monday.plus({ days: 6 })
    weeks.push({
      weekStart: monday.toISODate()!,
      from: (monday < start ? start : monday).toISODate()!,
      to: (sunday > end ? end : sunday).toISODate()!,
      seconds: 0,
    })
  }
  const index = (day: string) => Math.floor(DateTime.fromISO(day, { zone: 'utc' }).diff(start.startOf('week'), 'days').days / 7)
  const members = staff.map((person) => ({ userId: person.id, name: person.name, seconds: weeks.map(() => 0) }))
  const byId = new Map(members.map((member) => [member.userId, member]))
  for (const row of await timeByPersonDayBetween(range.from, range.to, staff.map((person) => person.id))) {
    const week = index(row.day)
    const member = byId.get(row.userId)
    if (!member || week < 0 || week >= weeks.length) continue
    member.seconds[week] += row.seconds
    weeks[week].seconds += row.seconds
  }
  return { from: range.from, to: range.to, weeks, members }
}
