import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { type ExportRow, exportDate, neutraliseFormula, toCsv, toXlsx, validSheetName } from './export.ts';

const headers = ['Aktivitet', 'Datum', 'Timmar', 'Orsak'];
const rows: ExportRow[] = [
  ['Svenska för invandrare', exportDate('2026-03-31'), 2.5, 'Sjuk'],
  ['Åkeri; Ängelholm – Öresund', exportDate('2026-04-01'), 3, 'Vård av "sjukt" barn'],
  ['Två\nrader', exportDate('2026-12-24'), 0.75, 'Rad ett\r\nRad två'],
  ['=HYPERLINK("http://x.example","klicka")', null, -1.25, '+46 70 123 45 67'],
  ['-2+3', exportDate('2024-02-29'), 0, '@SUM(A1:A2)'],
  ['\tTabb', undefined, 1234567.89, '\rCR'],
  ['ÅÄÖåäö éü', exportDate('2027-01-01'), 100, ''],
];

/** What a reader should find in each text cell: the text with a leading apostrophe where it looked like a formula. */
const expectedText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('neutraliseFormula', () => {
  it('puts an apostrophe before = + - @ tab and CR, and nothing else', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('+46')).toBe("'+46");
    expect(neutraliseFormula('-5')).toBe("'-5");
    expect(neutraliseFormula('@cmd')).toBe("'@cmd");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
    expect(neutraliseFormula('a=1')).toBe('a=1');
    expect(neutraliseFormula('')).toBe('');
    expect(neutraliseFormula('Öland')).toBe('Öland');
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with a BOM, semicolons, CRLF, quoted text, decimal commas and ISO dates', () => {
    const csv = toCsv(['Namn', 'Datum', 'Timmar', 'Not'], [['Åsa', exportDate('2026-03-31'), 2.5, null]]);
    expect(csv).toBe('\uFEFF"Namn";"Datum";"Timmar";"Not"\r\n"Åsa";2026-03-31;2,5;\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('parses back to the input, formula-like text neutralised', () => {
    const parsed: string[][] = parse(toCsv(headers, rows), {
      delimiter: ';',
      bom: true,
      record_delimiter: '\r\n',
    });
    expect(parsed).toEqual([
      headers,
      ...rows.map((row) =>
        row.map((cell) => {
          if (cell === null || cell === undefined) return '';
          if (typeof cell === 'number') return String(cell).replace('.', ',');
          if (typeof cell === 'string') return expectedText(cell);
          return cell.date;
        }),
      ),
    ]);
  });

  it('round-trips any text and number', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true, noDefaultInfinity: true })),
        ),
        (generated) => {
          const parsed: string[][] = parse(toCsv(['Text', 'Tal'], generated), { delimiter: ';', bom: true });
          expect(parsed.slice(1)).toEqual(
            generated.map(([text, number]) => [expectedText(text), String(number).replace('.', ',')]),
          );
        },
      ),
    );
  });

  it('refuses rows that do not match the headers, and numbers that are not finite', () => {
    expect(() => toCsv(['A', 'B'], [['x']])).toThrow(RangeError);
    expect(() => toCsv(['A'], [[Number.NaN]])).toThrow(RangeError);
  });
});

describe('toXlsx', () => {
  it('reads back as written: text neutralised, numbers as numbers, dates as dates', async () => {
    const buffer = await toXlsx('Närvaro mars 2026', headers, rows);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const sheet = await readSheet(buffer);
    expect(sheet).toEqual([
      headers,
      ...rows.map((row) =>
        row.map((cell) => {
          if (cell === null || cell === undefined || cell === '') return null;
          if (typeof cell === 'number') return cell;
          if (typeof cell === 'string') return expectedText(cell);
          return new Date(`${cell.date}T00:00:00Z`);
        }),
      ),
    ]);
  });

  it('names the sheet, made valid for Excel', async () => {
    const buffer = await toXlsx('Avvikelser [v.14] 2026/04: Öst?', ['A'], [['x']]);
    const sheets = await readXlsxFile(buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['Avvikelser -v.14- 2026-04- Öst-']);
    expect(validSheetName("'Närvarorapport för hela programmet 2026'")).toBe(
      'Närvarorapport för hela program',
    ); // 31 characters
    expect(validSheetName('')).toBe('Blad1');
  });
});
