import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'

export const importFileValidator = vine.compile(
  vine.object({ file: vine.file({ size: '2mb', extnames: ['csv', 'txt'] }) })
)

export const importQueryValidator = vine.compile(vine.object({ dryRun: vine.boolean().optional() }))

/** The uploaded CSV's bytes, once its size and extension are checked (422 on `file` otherwise). */
export async function uploadedCsv(request: HttpContext['request']) {
  const { file } = await request.validateUsing(importFileValidator)
  return readFile(file.tmpPath!)
}
