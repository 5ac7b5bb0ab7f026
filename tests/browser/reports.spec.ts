import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { DateTime } from 'luxon'
import type { Download, Page } from 'playwright'
import DemoAgencySeeder, { DEMO_OWNER } from '#database/seeders/demo_agency_seeder'
import { findLogin } from '#core/queries/find_login'
import { tenancy } from '#core/tenancy/tenant_context'
import { minorToDecimal, currencyDigits } from '#billing/public/money_format'
import { pdfMoney } from '#reports/exports/report_pdf'
import { open, signIn } from '#tests/helpers/browser_pages'
import { pdfText } from '#tests/helpers/invoice_delivery'

/**
 * The demo agency (Brightwave Studio: team, projects, time, invoices in every state), seeded once per run by the
 * real demo seeder. It finds its owner on a second run and leaves the agency as it is, and its names and emails
 * (@brightwave.demo) are its own, so it does not meet other tests' data.
 */
async function demoAgency() {
  const existing = await tenancy.run(() => findLogin(DEMO_OWNER.email))
  if (!existing) await new DemoAgencySeeder(db.connection()).run()
}

const savedBytes = async (download: Download) => readFile((await download.path())!)

/** Clicks a download link and waits for the file. */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('link', { name }).click()])
  if (await file.failure()) throw new Error(`The download of ${file.url()} failed: ${await file.failure()}`)
  return file
}

test.group('Reports', () => {
  test('the owner dashboard draws its revenue chart with the demo data; profitability CSV and PDF downloads carry the figures on screen', async ({
    browserContext,
    assert,
  }) => {
    await demoAgency()
    const agency = await db.connection('owner').from('agencies').where('name', 'Brightwave Studio').firstOrFail()
    const today = DateTime.now().setZone(agency.timezone ?? 'Europe/Berlin')
    const range = { from: today.minus({ days: 180 }).toISODate()!, to: today.toISODate()! }

    await signIn(browserContext, DEMO_OWNER.email, DEMO_OWNER.password)

    // Dashboard: the revenue chart's canvas is drawn (non-zero size); its table has six months (this one and the five before).
    const dashboard = await open(browserContext, '/dashboard')
    const revenue = dashboard.getByRole('region', { name: 'Revenue by month' })
    const canvas = revenue.locator('canvas').first()
    await canvas.waitFor({ timeout: 30_000 })
    const box = (await canvas.boundingBox())!
    assert.isAbove(box.width, 0)
    assert.isAbove(box.height, 0)
    await revenue.getByText('Show revenue as a table').click()
    const months = revenue.getByRole('table').locator('tbody tr')
    await months.first().waitFor()
    assert.equal(await months.count(), 6)
    const invoiced = await revenue.getByRole('table').locator('tbody tr td:nth-of-type(1) data').evaluateAll((cells) =>
      cells.map((cell) => Number(cell.getAttribute('value')))
    )
    assert.isAbove(Math.max(...invoiced), 0, 'the demo agency invoiced in the last six months')
    // The tiles: invoices in every state leave something outstanding.
    await dashboard.getByText('Outstanding').first().waitFor()

    // Reports: the profitability chart and table over the range.
    const reports = await open(browserContext, `/reports?from=${range.from}&to=${range.to}&tab=profitability`)
    const chart = reports.getByRole('region', { name: 'Revenue vs cost per project' })
    const chartCanvas = chart.locator('canvas').first()
    await chartCanvas.waitFor({ timeout: 30_000 })
    assert.isAbove((await chartCanvas.boundingBox())!.width, 0)

    const table = reports.getByRole('table', { name: `Profitability per project from ${range.from} to ${range.to}` })
    await table.waitFor()
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs
        .filter((tr) => tr.querySelector('th a'))
        .map((tr) => {
          const values = [...tr.querySelectorAll('td')].map((td) => td.querySelector('data'))
          return {
            name: tr.querySelector('th a')!.textContent!.trim(),
            invoiced: Number(values[0]?.getAttribute('value')),
            margin: Number(values[3]?.getAttribute('value')),
            marginText: values[3]?.textContent?.trim() ?? '',
          }
        })
    )
    const project = rows.find((row) => row.invoiced > 0 && row.margin !== 0)
    assert.exists(project, `a project with invoiced revenue in ${JSON.stringify(rows)}`)
    const currency = agency.currency ?? 'EUR'
    // The page shows money in the browser's locale, the server in its own: the same minor units either way.
    assert.equal(project!.marginText, pdfMoney(project!.margin, currency))

    // CSV: the project's row, margin as a decimal string.
    const downloads = reports.getByRole('group', { name: 'Download profitability' })
    await downloads.waitFor()
    const csvFile = await download(reports, 'Download CSV of the profitability report')
    const csv: Record<string, string>[] = parse(await savedBytes(csvFile), { columns: true, bom: true })
    const csvRow = csv.find((row) => row.project === project!.name)
    assert.exists(csvRow, `${project!.name} in the CSV`)
    assert.equal(csvRow!.margin, minorToDecimal(project!.margin, currencyDigits(currency)))

    // PDF: the project and its margin as on screen.
    const pdfFile = await download(reports, 'Download PDF of the profitability report')
    const text = (await pdfText(await savedBytes(pdfFile))).replace(/\s+/g, ' ')
    assert.include(text, project!.name)
    assert.include(text, project!.marginText)
  }).timeout(180_000)
})
