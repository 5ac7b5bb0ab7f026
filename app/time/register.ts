/*
| Time plugs into Projects: a project's spend includes its time at the
| frozen cost rates.
*/
import { registerSpendSource } from '#projects/public/spend'
import { timeSpend } from '#time/public/time_service'

registerSpendSource('time', { spentFor: timeSpend })
