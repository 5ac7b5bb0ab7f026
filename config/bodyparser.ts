import { defineConfig } from '@adonisjs/core/bodyparser'

export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: { convertEmptyStringsToNull: true, types: ['application/x-www-form-urlencoded'] },
  // API clients mean "" when they send it: a PATCH with an empty name is a 422, not a no-op.
  json: {
    convertEmptyStringsToNull: false,
    types: ['application/json', 'application/json-patch+json', 'application/vnd.api+json', 'application/csp-report'],
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    // Deliverable uploads (up to 50 MB) read their own body: app/portal/files/deliverable_files.ts.
    processManually: ['/projects/:id/files', '/api/projects/:id/deliverables'],
    limit: '20mb',
    types: ['multipart/form-data'],
  },
})
