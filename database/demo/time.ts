import { DateTime } from 'luxon'
import User from '#core/models/user'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import Project from '#projects/models/project'
import { resolveRates, type ResolvedRates } from '#projects/public/rates'
import TimeEntry from '#time/models/time_entry'
import Timesheet from '#time/models/timesheet'

/** People's own rates (minor units per hour), set when they have none: entries freeze what resolveRates() finds. */
const OWN_RATES: Record<string, { hourlyRateCents: number; costRateCents: number }> = {
  'marcus@brightwave.demo': { hourlyRateCents: 14_000, costRateCents: 6_500 },
  'priya@brightwave.demo': { hourlyRateCents: 14_000, costRateCents: 6_500 },
  'tom@brightwave.demo': { hourlyRateCents: 11_000, costRateCents: 4_500 },
  'aiko@brightwave.demo': { hourlyRateCents: 12_000, costRateCents: 5_000 },
  'lena@brightwave.demo': { hourlyRateCents: 11_500, costRateCents: 4_800 },
}

/** Who works on what, when (days relative to today), for how long a day and on which weekdays (1 = Monday). */
interface Stint {
  project: string
  person: string
  from: number
  to: number
  minutes: [number, number]
  weekdays: number[]
  billable?: (description: string) => boolean
  work: string[]
}

const STINTS: Stint[] = [
  {
    project: 'Storefront redesign',
    person: 'tom@brightwave.demo',
    from: -30,
    to: 0,
    minutes: [240, 390],
    weekdays: [1, 2, 3, 4, 5],
    work: [
      'Headless CMS content models',
      'Product listing page components',
      'Checkout API spike',
      'Cart drawer and mini-cart',
      'CMS preview environment',
      'Code review and fixes',
      'Image pipeline and responsive sizes',
    ],
  },
  {
    project: 'Storefront redesign',
    person: 'aiko@brightwave.demo',
    from: -30,
    to: 0,
    minutes: [210, 360],
    weekdays: [1, 2, 3, 4, 5],
    work: [
      'Design system: colour and type tokens',
      'Key screens: home and category',
      'Product detail page design',
      'Checkout flow wireframes',
      'Design review with the client',
      'Icon set and illustrations',
    ],
  },
  {
    project: 'Storefront redesign',
    person: 'marcus@brightwave.demo',
    from: -30,
    to: 0,
    minutes: [30, 90],
    weekdays: [1, 3, 5],
    billable: (description) => description !== 'Internal planning',
    work: ['Weekly client call', 'Sprint planning', 'Scope and estimate review', 'Internal planning'],
  },
  {
    project: 'Brand refresh and booking site',
    person: 'lena@brightwave.demo',
    from: -60,
    to: -5,
    minutes: [240, 420],
    weekdays: [1, 2, 3, 4, 5],
    work: [
      'Logo refinements',
      'Photography direction board',
      'Booking widget front end',
      'Table availability API integration',
      'Booking confirmation emails',
      'Accessibility pass',
      'Launch checklist',
    ],
  },
  {
    project: 'Brand refresh and booking site',
    person: 'priya@brightwave.demo',
    from: -60,
    to: -5,
    minutes: [45, 120],
    weekdays: [2, 4],
    billable: (description) => description !== 'Internal handover notes',
    work: ['Client workshop', 'Feedback round with Juniper & Sage', 'Launch coordination', 'Internal handover notes'],
  },
  {
    project: 'Storefront care retainer',
    person: 'tom@brightwave.demo',
    from: -90,
    to: -40,
    minutes: [60, 150],
    weekdays: [2, 4],
    work: ['Plugin and dependency updates', 'Fix: discount codes on mobile', 'Performance check', 'Small content changes'],
  },
  {
    project: 'Storefront care retainer',
    person: 'marcus@brightwave.demo',
    from: -90,
    to: -40,
    minutes: [30, 45],
    weekdays: [1],
    work: ['Monthly care report', 'Retainer check-in call'],
  },
]

/** A small seeded generator, so the demo is the same on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Several weeks of time for the demo team on the demo projects: weekdays
 * only, never in the future (the agency's time zone), timed entries that
 * never overlap, each at most a few hours. Weeks before last are approved,
 * last week is submitted (Aiko has not submitted hers yet), this week is
 * still draft. Written as `system` (the database lets it insert approved
 * time), with each person's rates frozen through `resolveRates()`.
 * Idempotent: an agency that already has time is left as it is.
 */
export async function seedDemoTime() {
  if (await TimeEntry.query().first()) return

  const zone = (await agencySettings(tenancy.agencyId())).timezone
  const now = DateTime.now().setZone(zone)
  const today = now.startOf('day')
  const thisWeek = today.startOf('week')
  const lastWeek = thisWeek.minus({ weeks: 1 })

  const people = new Map((await User.query()).map((user) => [user.email, user]))
  for (const [email, rates] of Object.entries(OWN_RATES)) {
    const user = people.get(email)
    if (user && user.hourlyRateCents === null && user.costRateCents === null) {
      user.merge(rates)
      await user.save()
    }
  }
  const projects = new Map((await Project.query()).map((project) => [project.name, project]))
  const owner = [...people.values()].find((user) => user.role === 'owner')!
  const approverOf = (email: string) =>
    email === 'lena@brightwave.demo' ? people.get('priya@brightwave.demo')! : email.startsWith('marcus') || email.startsWith('priya') ? owner : people.get('marcus@brightwave.demo')!

  // Each person's day fills from 09:00 on, one block after another with a short gap.
  const dayCursor = new Map<string, DateTime>()
  const ratesCache = new Map<string, ResolvedRates>()
  const weeks = new Map<string, { userId: string; weekStart: DateTime; approverId: string }>()
  const next = random(20_240_611)

  for (const stint of STINTS) {
    const project = projects.get(stint.project)
    const person = people.get(stint.person)
    if (!project || !person) continue
    const ratesKey = `${project.id}:${person.id}`
    if (!ratesCache.has(ratesKey)) ratesCache.set(ratesKey, await resolveRates(project.id, person.id))
    const rates = ratesCache.get(ratesKey)!

    for (let day = today.plus({ days: stint.from }); day <= today.plus({ days: stint.to }); day = day.plus({ days: 1 })) {
      if (!stint.weekdays.includes(day.weekday)) continue
      // Now and then a day off, a sick day or a day on something else.
      if (next() < 0.08) continue
      const date = day.toISODate()!
      const cursorKey = `${person.id}:${date}`
      const start = dayCursor.get(cursorKey) ?? day.set({ hour: 9 })
      const minutes = Math.round((stint.minutes[0] + next() * (stint.minutes[1] - stint.minutes[0])) / 15) * 15
      const end = start.plus({ minutes })
      if (end > now) continue
      dayCursor.set(cursorKey, end.plus({ minutes: 15 }))

      const weekStart = day.startOf('week')
      const status = weekStart >= thisWeek ? 'draft' : weekStart >= lastWeek ? (stint.person === 'aiko@brightwave.demo' ? 'draft' : 'submitted') : 'approved'
      const description = stint.work[Math.floor(next() * stint.work.length)]
      const approver = approverOf(stint.person)
      const submittedAt = status === 'draft' ? null : weekStart.plus({ days: 4, hours: 17, minutes: 30 })
      await TimeEntry.create({
        userId: person.id,
        projectId: project.id,
        taskId: null,
        description,
        entryDate: date,
        startedAt: start.toUTC(),
        endedAt: end.toUTC(),
        durationSeconds: minutes * 60,
        billable: project.billableByDefault && (stint.billable?.(description) ?? true),
        billableRateCents: rates.billableRateCents,
        costRateCents: rates.costRateCents,
        currency: project.currency,
        status,
        submittedAt,
        approvedAt: status === 'approved' ? weekStart.plus({ weeks: 1, hours: 10 }) : null,
        approvedByUserId: status === 'approved' ? approver.id : null,
      })
      if (status !== 'draft') weeks.set(`${person.id}:${weekStart.toISODate()}`, { userId: person.id, weekStart, approverId: approver.id })
    }
  }

  // The weeks' timesheets, after their entries (a submitted week takes no new time).
  for (const { userId, weekStart, approverId } of weeks.values()) {
    const approved = weekStart < lastWeek
    await Timesheet.create({
      userId,
      weekStart: weekStart.toISODate()!,
      status: approved ? 'approved' : 'submitted',
      submittedAt: weekStart.plus({ days: 4, hours: 17, minutes: 30 }),
      decidedAt: approved ? weekStart.plus({ weeks: 1, hours: 10 }) : null,
      decidedByUserId: approved ? approverId : null,
    })
  }
}
