/** Errors every module raises the same way: field errors (422) and state conflicts (409). */
export { fieldError } from '#core/exceptions/field_error'
export { default as ConflictException } from '#core/exceptions/conflict_exception'
