/*
| Time plugs into Projects: a project's spend includes its time at the
| frozen cost rates (in total and per day, for the burn chart), and the
| project workspace's Time tab reads the project's time.
*/
import { registerProjectTimeReader } from '#projects/public/project_time'
import { registerSpendSource } from '#projects/public/spend'
import { registerSharedProp } from '#core/public/shared_props'
import { timerSharedProp } from '#time/queries/timer_widget'
import { projectTime } from '#time/public/project_time'
import { dailyTimeSpend, timeSpend } from '#time/public/time_service'

registerSpendSource('time', { spentFor: timeSpend, dailySpentFor: dailyTimeSpend })
registerProjectTimeReader(projectTime)

// The header's timer widget: the running timer on every staff page.
registerSharedProp('timer', timerSharedProp)
