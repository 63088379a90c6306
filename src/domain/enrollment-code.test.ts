import { describe, expect, it } from 'vitest';
import { formatEnrollmentCode, readEnrollmentCode } from './enrollment-code';

describe('readEnrollmentCode', () => {
  it('reads a code in any case, with or without its dash or spaces', () => {
    for (const typed of [
      'ABCD-EFGH23',
      'abcd-efgh23',
      'abcdefgh23',
      ' ABCD EFGH23 ',
      'AbCd–EfGh23',
    ])
      expect(readEnrollmentCode(typed)).toEqual({ ok: true, code: 'ABCDEFGH23' });
  });

  it('forgives O for 0 and I or L for 1', () => {
    expect(readEnrollmentCode('O0IL-1ABCDE')).toEqual({ ok: true, code: '00111ABCDE' });
    expect(readEnrollmentCode('oo il 1abcde')).toEqual({ ok: true, code: '00111ABCDE' });
  });

  it('says why something cannot be a code', () => {
    expect(readEnrollmentCode('  - ')).toEqual({ ok: false, problem: 'empty' });
    expect(readEnrollmentCode('ABCD-EFG')).toEqual({ ok: false, problem: 'too-short' });
    expect(readEnrollmentCode('ABCD-EFGHJKM')).toEqual({ ok: false, problem: 'too-long' });
    expect(readEnrollmentCode('ABCD-EFGHJU')).toEqual({ ok: false, problem: 'bad-character' });
    expect(readEnrollmentCode('ABCD-EFGH#K')).toEqual({ ok: false, problem: 'bad-character' });
  });
});

describe('formatEnrollmentCode', () => {
  it('shows a canonical code as ABCD-EFGHJK', () => {
    expect(formatEnrollmentCode('ABCDEFGHJK')).toBe('ABCD-EFGHJK');
  });
});
