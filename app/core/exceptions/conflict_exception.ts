import { Exception } from '@adonisjs/core/exceptions'

/** The request is valid but the resource's state does not allow it (409). */
export default class ConflictException extends Exception {
  static status = 409
  static code = 'E_CONFLICT'
}
