import { errors } from '@vinejs/vine'

/**
 * A business rule broken by the input (email taken, link expired…), reported
 * exactly like a validation error: 422 with field errors for the API, flashed
 * errors for forms.
 */
export function fieldError(field: string, message: string, rule = 'invalid'): never {
  throw new errors.E_VALIDATION_ERROR([{ field, message, rule }])
}
