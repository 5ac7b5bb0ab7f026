export type { TimeEntryDto } from '../../../app/time/dtos/time_entry'
export type { DayViewProps, ProjectOption } from '../../../app/time/queries/day_view'
export type { MyTimeDto, TimeSplit } from '../../../app/time/queries/my_time'
