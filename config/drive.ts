import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'
import { join } from 'node:path'
import type { InferDriveDisks } from '@adonisjs/drive/types'

/** Uploads (logos, receipts, deliverables) are private: read back only through the app, never a public path. */
const driveConfig = defineConfig({
  default: 'fs',
  services: {
    fs: services.fs({
      location: join(env.get('STORAGE_DIR', app.makePath('storage')), 'uploads'),
      serveFiles: false,
      visibility: 'private',
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
