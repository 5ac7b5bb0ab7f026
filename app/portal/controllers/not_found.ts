import { Exception } from '@adonisjs/core/exceptions'

/** Another company's (or agency's) id, or none at all: the same 404, never a hint that it exists. */
export function notFound(): never {
  throw new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
}
