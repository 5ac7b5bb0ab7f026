/** Validation rules every module shares. */
export { calendarDate } from '#core/validators/rules/calendar_date'
