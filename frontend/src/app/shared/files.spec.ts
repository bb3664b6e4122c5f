import { toCsv } from './files';

describe('toCsv', () => {
  it('writes RFC 4180 rows: CRLF ends, quoted only where a comma, quote or line break needs it', () => {
    expect(
      toCsv([
        ['a', 1.5, null],
        ['say "hi", then go', -2, 'two\nlines'],
      ]),
    ).toBe('a,1.5,\r\n"say ""hi"", then go",-2,"two\nlines"\r\n');
  });

  it('keeps a text cell from reading as a spreadsheet formula, and leaves negative numbers alone', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', -1.25, NaN]])).toBe(`"'=HYPERLINK(""x"")",'+1,'-1,'@SUM(A1),-1.25,\r\n`);
  });
});
