import { test } from '@japa/runner'
import { minorToMajor, textCell } from '#core/public/spreadsheet_cells'

test.group('Client export formatting', () => {
  test('minor units become major units with the currency\u2019s decimals, without floats', ({ assert }) => {
    assert.equal(minorToMajor(123456, 'EUR'), '1234.56')
    assert.equal(minorToMajor(5, 'USD'), '0.05')
    assert.equal(minorToMajor(0, 'USD'), '0.00')
    assert.equal(minorToMajor(-250, 'GBP'), '-2.50')
    assert.equal(minorToMajor(1500, 'JPY'), '1500')
    assert.equal(minorToMajor(1234, 'KWD'), '1.234')
    assert.equal(minorToMajor(9007199254740991, 'USD'), '90071992547409.91')
  })

  test('text that a spreadsheet would run as a formula is quoted', ({ assert }) => {
    assert.equal(textCell('=HYPERLINK("http://evil")'), `'=HYPERLINK("http://evil")`)
    assert.equal(textCell('+1 555 0100'), `'+1 555 0100`)
    assert.equal(textCell('@handle'), `'@handle`)
    assert.equal(textCell('Acme'), 'Acme')
    assert.equal(textCell(null), '')
  })
})
