import { test } from '@japa/runner'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'

/** ARCHITECTURE.md: core ← crm ← projects ← time ← billing ← portal, and reports reads all. */
const MAY_IMPORT: Record<string, string[]> = {
  core: [],
  crm: ['core'],
  projects: ['core', 'crm'],
  time: ['core', 'crm', 'projects'],
  billing: ['core', 'crm', 'projects', 'time'],
  portal: ['core', 'crm', 'projects', 'time', 'billing'],
  reports: ['core', 'crm', 'projects', 'time', 'billing', 'portal'],
}
const MODULES = Object.keys(MAY_IMPORT)
const IMPORT = /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

/** Which module an import specifier points into, and the path inside it. */
function target(specifier: string): { module: string; inner: string } | null {
  const alias = specifier.match(/^#(\w+)\/(.*)$/)
  if (alias && MODULES.includes(alias[1])) return { module: alias[1], inner: alias[2] }
  const relativePath = specifier.match(/(?:\.\.\/)+(\w+)\/(.*)$/)
  if (specifier.startsWith('.') && relativePath && MODULES.includes(relativePath[1])) {
    return { module: relativePath[1], inner: relativePath[2] }
  }
  return null
}

export function violations(root: string) {
  const found: string[] = []
  for (const module of MODULES) {
    const dir = join(root, 'app', module)
    let files: string[] = []
    try {
      files = sourceFiles(dir)
    } catch {
      continue
    }
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const to = target(match[1] ?? match[2])
        if (!to || to.module === module) continue
        const where = `${relative(root, file)} imports ${match[1] ?? match[2]}`
        if (!MAY_IMPORT[module].includes(to.module)) found.push(`${where}: ${module} may not depend on ${to.module}`)
        else if (!to.inner.startsWith('public/')) found.push(`${where}: only ${to.module}/public/ may be imported`)
      }
    }
  }
  return found
}

test.group('Architecture: module boundaries', () => {
  test('modules import each other only through public/ and only down the chain', ({ assert }) => {
    assert.deepEqual(violations(app.appRoot.pathname), [])
  })

  test('the check catches an import of another module\u2019s internals and an upward dependency', ({ assert }) => {
    const root = app.tmpPath(`arch-${Date.now()}`)
    const write = (path: string, body: string) => {
      const full = join(root, path)
      mkdirSync(join(full, '..'), { recursive: true })
      writeFileSync(full, body)
    }
    write('app/crm/actions/a.ts', "import Agency from '#core/models/agency'\n")
    write('app/core/actions/b.ts', "import { x } from '#crm/public/crm_service'\n")
    write('app/billing/actions/c.ts', "import { y } from '#time/public/time_service'\n")
    const found = violations(root)
    rmSync(root, { recursive: true, force: true })
    assert.lengthOf(found, 2)
    assert.match(found.join('\n'), /crm\/actions\/a\.ts imports #core\/models\/agency: only core\/public\//)
    assert.match(found.join('\n'), /core\/actions\/b\.ts imports #crm\/public\/crm_service: core may not depend on crm/)
  })
})
