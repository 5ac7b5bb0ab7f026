/*
| Time routes: the timer, entries (day view, My time, export) and weekly timesheets with approvals.
*/
import '#time/routes/timer'
import '#time/routes/entries'
import '#time/routes/timesheets'
