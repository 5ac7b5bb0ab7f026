import { errors } from '@vinejs/vine'
import type { BaseCommand } from '@adonisjs/core/ace'

/** Prints validation errors the way the API reports them, and fails the command. */
export function reportFailure(command: BaseCommand, error: unknown, json: boolean) {
  command.exitCode = 1
  process.exitCode = 1
  if (error instanceof errors.E_VALIDATION_ERROR) {
    const messages = error.messages as { field: string; message: string; rule: string }[]
    if (json) return command.logger.log(JSON.stringify({ errors: messages }))
    for (const message of messages) command.logger.error(`${message.field}: ${message.message}`)
    return
  }
  throw error
}
