import { describe, expect, it } from 'vitest';
import { CSV_BOM, columnsOf, csvCell, flattenRecord, parseCsv, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text alone and quotes text holding a comma, a quote or a line break', () => {
    expect(csvCell('Stacked blocks')).toBe('Stacked blocks');
    expect(csvCell('blocks, cups')).toBe('"blocks, cups"');
    expect(csvCell('said "big tower"')).toBe('"said ""big tower"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });

  it("prefixes formula-like cells with ' so a spreadsheet shows them as text", () => {
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("http://x", "y")')).toBe('"\'=HYPERLINK(""http://x"", ""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('writes a BOM, a header and CRLF rows that parse back to the same text', () => {
    const tricky = [
      'Sofía dijo "¡más!", y rió',
      'line one\nline two',
      '=1+1',
      'ñandú, pingüino',
      '',
      '@home',
    ];
    const csv = toCsv(
      ['id', 'text'],
      tricky.map((text, i) => ({ id: `n${i}`, text })),
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(CSV_BOM.length));
    expect(rows[0]).toEqual(['id', 'text']);
    expect(rows).toHaveLength(tricky.length + 1);
    const back = rows.slice(1).map((r) => r[1]!.replace(/^'(?=[=+\-@\t\r])/, ''));
    expect(back).toEqual(tricky);
    expect(rows[3]![1]).toBe("'=1+1");
  });

  it('keeps accents as they are (UTF-8, no escaping)', () => {
    const csv = toCsv(['name'], [{ name: 'José Ñúñez' }]);
    expect(new TextDecoder().decode(new TextEncoder().encode(csv))).toContain('José Ñúñez');
    expect(Array.from(new TextEncoder().encode(csv).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes an empty cell for a column a row does not have', () => {
    expect(toCsv(['a', 'b'], [{ a: '1' }])).toBe(`${CSV_BOM}a,b\r\n1,\r\n`);
  });
});

describe('flattenRecord', () => {
  it('writes envelope fields, then data fields with nested objects as dotted columns', () => {
    const cells = flattenRecord({
      id: 'p1',
      deleted: 0,
      serverSeq: null,
      data: {
        changeIdea: 'Read at nap',
        plan: { what: 'Two books', who: null },
        with: ['older', 'younger'],
        questions: [{ question: 'Will they settle?', prediction: 'Yes' }],
        startsPhase: false,
      },
    });
    expect(cells).toEqual({
      id: 'p1',
      deleted: '0',
      serverSeq: '',
      changeIdea: 'Read at nap',
      'plan.what': 'Two books',
      'plan.who': '',
      with: 'older; younger',
      questions: '[{"question":"Will they settle?","prediction":"Yes"}]',
      startsPhase: 'false',
    });
  });

  it('names a data field data.<name> when the envelope already has that name', () => {
    expect(flattenRecord({ id: 'x', data: { id: 'inner', version: 2 } })).toEqual({
      id: 'x',
      'data.id': 'inner',
      version: '2',
    });
  });

  it('keeps a row that is not a record as far as it goes', () => {
    expect(flattenRecord({ id: 'x', data: 'garbled' })).toEqual({ id: 'x', data: 'garbled' });
  });
});

describe('columnsOf', () => {
  it('puts preferred names first (expanded to their dotted columns), then the others as first seen', () => {
    const rows: Record<string, string>[] = [
      { id: '1', 'plan.what': 'a', extra: 'z' },
      { id: '2', 'plan.who': 'b', name: 'n' },
    ];
    expect(columnsOf(rows, ['id', 'name', 'plan', 'birthMonth'])).toEqual([
      'id',
      'name',
      'plan.what',
      'plan.who',
      'birthMonth',
      'extra',
    ]);
  });

  it('gives the preferred names as the header of an empty table', () => {
    expect(columnsOf([], ['id', 'name'])).toEqual(['id', 'name']);
  });
});
