/*
| Time plugs into Projects: a project's spend includes its time at the
| frozen cost rates.
*/
import { registerSpendSource } from '#projects/public/spend'
import { registerSharedProp } from '#core/public/shared_props'
import { timerSharedProp } from '#time/queries/timer_widget'
import { timeSpend } from '#time/public/time_service'

registerSpendSource('time', { spentFor: timeSpend })

// The header's timer widget: the running timer on every staff page.
registerSharedProp('timer', timerSharedProp)
