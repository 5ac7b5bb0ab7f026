/*
| Deliverable files: what may be uploaded (images, PDF, office documents,
| zip, video; 50 MB at most), reading the upload of the one route that takes
| files that large, storing privately, and streaming back to a signed link.
*/
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { HttpContext } from '@adonisjs/core/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import drive from '@adonisjs/drive/services/main'
import { fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'

/** 50 MB, as the deliverables table checks. */
export const MAX_DELIVERABLE_BYTES = 50 * 1024 * 1024
export const MAX_DELIVERABLE_LABEL = '50 MB'

/** Allowed extensions and the content type each is stored and served with. */
export const DELIVERABLE_TYPES: Record<string, string> = {
  // images
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  // PDF
  pdf: 'application/pdf',
  // office documents
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  key: 'application/vnd.apple.keynote',
  pages: 'application/vnd.apple.pages',
  numbers: 'application/vnd.apple.numbers',
  // Legacy Office files are detected by content as compound files.
  cfb: 'application/x-cfb',
  // archives
  zip: 'application/zip',
  // video
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  webm: 'video/webm',
  avi: 'video/x-msvideo',
  mkv: 'video/x-matroska',
}
export const DELIVERABLE_EXTNAMES = Object.keys(DELIVERABLE_TYPES)
export const DELIVERABLE_TYPES_LABEL = 'images, PDF, office documents, zip or video'

/** Shown in the upload form's `accept`. */
export const DELIVERABLE_ACCEPT = DELIVERABLE_EXTNAMES.filter((ext) => ext !== 'cfb')
  .map((ext) => `.${ext}`)
  .join(',')

/**
 * The upload route is listed in the body parser's `processManually`, so its
 * multipart body is read here with a limit just above 50 MB (other forms keep
 * the app-wide limit). A body past it is a 422 on the file, like one the
 * validator finds too large.
 */
export async function readDeliverableUpload({ request }: HttpContext) {
  const multipart = request.multipart
  if (!multipart || !request.is(['multipart/form-data'])) return
  if (multipart.state !== 'idle') return
  multipart.onFile('*', { deferValidations: true }, async (part, reporter) => {
    const tmpPath = join(tmpdir(), `deliverable-${randomUUID()}`)
    part.pause()
    part.on('data', reporter)
    try {
      await pipeline(part, createWriteStream(tmpPath))
    } catch (error) {
      await unlink(tmpPath).catch(() => {})
      throw error
    }
    return { tmpPath }
  })
  try {
    await multipart.process({ limit: MAX_DELIVERABLE_BYTES + 1024 * 1024 })
  } catch (error) {
    if ((error as { code?: string }).code === 'E_REQUEST_ENTITY_TOO_LARGE') {
      fieldError('file', `A deliverable can be at most ${MAX_DELIVERABLE_LABEL}`, 'file.size')
    }
    throw error
  }
}

/** The content type a deliverable is stored and served with. */
export function deliverableContentType(file: MultipartFile) {
  const byName = extname(file.clientName).replace(/^\./, '').toLowerCase()
  if (DELIVERABLE_TYPES[byName] && (file.extname === byName || file.extname === 'cfb' || !file.extname)) return DELIVERABLE_TYPES[byName]
  return DELIVERABLE_TYPES[file.extname ?? ''] ?? 'application/octet-stream'
}

/** Moves the upload to private storage; a rollback of the transaction removes it again. */
export async function storeDeliverableFile(input: { agencyId: string; projectId: string; deliverableId: string; file: MultipartFile }) {
  const ext = (input.file.extname ?? 'bin').replace(/[^a-z0-9]/gi, '').slice(0, 10) || 'bin'
  const key = `deliverables/${input.agencyId}/${input.projectId}/${input.deliverableId}/${randomUUID()}.${ext}`
  await input.file.moveToDisk(key)
  tenancy.client().after('rollback', () => drive.use().delete(key).catch(() => {}))
  return key
}

const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'application/pdf', 'video/mp4', 'video/webm'])

/** Streams a deliverable privately: never cached by shared caches, no script can run in it. */
export async function sendDeliverableFile(
  { response }: HttpContext,
  file: { path: string; name: string; contentType: string; sizeBytes: number }
) {
  const disk = drive.use()
  if (!(await disk.exists(file.path))) return response.notFound({ errors: [{ message: 'This file is no longer available' }] })
  const name = file.name.replace(/[^\w.\- ]+/g, '_')
  response.header('content-type', file.contentType)
  response.header(
    'content-disposition',
    `${INLINE.has(file.contentType) ? 'inline' : 'attachment'}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(file.name)}`
  )
  response.header('cache-control', 'private, no-store')
  response.header('referrer-policy', 'no-referrer')
  response.header('x-content-type-options', 'nosniff')
  response.header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox")
  return response.stream(await disk.getStream(file.path))
}
