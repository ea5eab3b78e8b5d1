import { describe, expect, it } from 'vitest';
import {
  ageBandAt,
  ageOn,
  type CheckedEnrolment,
  cofinancingAmount,
  dataProblems,
  educationBandOf,
  exportBlocked,
  hoursOf,
  type MonthState,
  maskedIdentityNumber,
  monthStatuses,
  reportedIdentityNumber,
} from './funder-report.ts';

describe('ageBandAt', () => {
  it('bands by whole years at the start, the birthday counting on its day', () => {
    expect(ageBandAt('2001-03-15', '2026-03-14')).toBe('under_25');
    expect(ageBandAt('2001-03-15', '2026-03-15')).toBe('from_25_to_54');
    expect(ageBandAt('1971-06-01', '2026-05-31')).toBe('from_25_to_54');
    expect(ageBandAt('1971-06-01', '2026-06-01')).toBe('over_54');
    expect(ageBandAt(null, '2026-06-01')).toBe('unknown');
  });

  it('makes someone born on 29 February a year older on 1 March', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });
});

describe('educationBandOf', () => {
  it('maps SUN 2020 levels to ISCED bands, university studies under two years as higher education', () => {
    const cases: [string | null, string][] = [
      ['0', 'isced_0_2'],
      ['001', 'isced_0_2'],
      ['106', 'isced_0_2'],
      ['206', 'isced_0_2'],
      ['3', 'isced_3_4'],
      ['337', 'isced_3_4'],
      ['41', 'isced_3_4'],
      ['410', 'isced_3_4'],
      ['413', 'isced_3_4'],
      ['415', 'isced_3_4'],
      ['412', 'isced_5_8'],
      ['417', 'isced_5_8'],
      ['526', 'isced_5_8'],
      ['557', 'isced_5_8'],
      ['640', 'isced_5_8'],
      [null, 'unknown'],
      ['', 'unknown'],
    ];
    for (const [code, band] of cases) expect(educationBandOf(code), String(code)).toBe(band);
  });
});

describe('maskedIdentityNumber', () => {
  it('gives the birth date and TF29 for a woman, TF19 for a man, nothing without both', () => {
    expect(maskedIdentityNumber('1985-03-15', 'female')).toBe('19850315TF29');
    expect(maskedIdentityNumber('1990-12-01', 'male')).toBe('19901201TF19');
    expect(maskedIdentityNumber('1990-12-01', 'unknown')).toBeNull();
    expect(maskedIdentityNumber(null, 'female')).toBeNull();
  });

  it('masks only a protected person', () => {
    const person = {
      personalIdentityNumber: '198503152384',
      birthDate: '1985-03-15',
      legalGender: 'female' as const,
    };
    expect(reportedIdentityNumber({ ...person, protectedIdentity: false })).toEqual({
      identityNumber: '198503152384',
      masked: false,
    });
    expect(reportedIdentityNumber({ ...person, protectedIdentity: true })).toEqual({
      identityNumber: '19850315TF29',
      masked: true,
    });
  });
});

describe('dataProblems', () => {
  const programme = { startsOn: '2025-01-01', endsOn: '2027-06-30' };
  const complete: CheckedEnrolment = {
    personalIdentityNumber: '198503152384',
    birthDate: '1985-03-15',
    legalGender: 'female',
    educationLevelCode: '106',
    labourMarketStatus: 'unemployed',
    hasFunderReportingConsent: true,
    startsOn: '2026-01-12',
    exitedOn: null,
  };

  it('finds nothing wrong with complete data inside the programme', () => {
    expect(dataProblems(complete, programme)).toEqual([]);
    expect(dataProblems({ ...complete, startsOn: '2025-01-01', exitedOn: '2027-06-30' }, programme)).toEqual(
      [],
    );
  });

  it('names every missing or inconsistent item', () => {
    expect(
      dataProblems(
        {
          personalIdentityNumber: null,
          birthDate: null,
          legalGender: 'unknown',
          educationLevelCode: null,
          labourMarketStatus: null,
          hasFunderReportingConsent: false,
          startsOn: '2024-12-31',
          exitedOn: '2027-07-01',
        },
        programme,
      ),
    ).toEqual([
      'no_personal_identity_number',
      'no_birth_date',
      'unknown_legal_gender',
      'no_education_level',
      'no_labour_market_status',
      'no_funder_reporting_consent',
      'start_outside_programme',
      'exit_outside_programme',
    ]);
    expect(dataProblems({ ...complete, startsOn: '2027-07-01' }, programme)).toEqual([
      'start_outside_programme',
    ]);
  });

  it('blocks an export only in refuse mode with problems', () => {
    expect(exportBlocked('refuse', 1)).toBe(true);
    expect(exportBlocked('refuse', 0)).toBe(false);
    expect(exportBlocked('warn', 3)).toBe(false);
  });
});

describe('monthStatuses', () => {
  const sent = (fingerprint: string, at: string) => ({ fingerprint, at });
  const month = (m: string, fingerprint: string, last: MonthState['lastSubmission']): MonthState => ({
    month: m,
    fingerprint,
    lastSubmission: last,
  });
  const statuses = (months: MonthState[], current = '2026-05') =>
    monthStatuses(months, current).map((s) => [s.month, s.status, s.becauseOf]);

  it('is not due before the month has ended, and not submitted until it is sent', () => {
    expect(
      statuses([month('2026-03', 'a', null), month('2026-04', 'b', null), month('2026-05', 'c', null)]),
    ).toEqual([
      ['2026-03', 'not_submitted', null],
      ['2026-04', 'not_submitted', null],
      ['2026-05', 'not_due', null],
    ]);
  });

  it('follows a correction through every later month until each is sent again', () => {
    const jan = (fp: string, at: string) => month('2026-01', fp, sent('a', at));
    const feb = (at: string) => month('2026-02', 'b', sent('b', at));
    const mar = (at: string) => month('2026-03', 'c', sent('c', at));
    // All sent and unchanged.
    expect(statuses([jan('a', 't1'), feb('t2'), mar('t3')])).toEqual([
      ['2026-01', 'submitted', null],
      ['2026-02', 'submitted', null],
      ['2026-03', 'submitted', null],
    ]);
    // January's rows change.
    expect(statuses([jan('x', 't1'), feb('t2'), mar('t3')])).toEqual([
      ['2026-01', 'changed', null],
      ['2026-02', 'resubmit', '2026-01'],
      ['2026-03', 'resubmit', '2026-01'],
    ]);
    // January sent again: the later months still wait for theirs.
    const janAgain = month('2026-01', 'x', sent('x', 't4'));
    expect(statuses([janAgain, feb('t2'), mar('t3')])).toEqual([
      ['2026-01', 'submitted', null],
      ['2026-02', 'resubmit', '2026-01'],
      ['2026-03', 'resubmit', '2026-01'],
    ]);
    expect(statuses([janAgain, feb('t5'), mar('t3')])).toEqual([
      ['2026-01', 'submitted', null],
      ['2026-02', 'submitted', null],
      ['2026-03', 'resubmit', '2026-01'],
    ]);
    expect(statuses([janAgain, feb('t5'), mar('t6')]).map((s) => s[1])).toEqual([
      'submitted',
      'submitted',
      'submitted',
    ]);
  });

  it('keeps a changed month changed, whatever earlier months do, and names the earliest cause', () => {
    expect(
      statuses([
        month('2026-01', 'a', sent('a', 't5')),
        month('2026-02', 'y', sent('b', 't2')),
        month('2026-03', 'c', sent('c', 't3')),
        month('2026-04', 'd', null),
      ]),
    ).toEqual([
      ['2026-01', 'submitted', null],
      ['2026-02', 'changed', null],
      ['2026-03', 'resubmit', '2026-01'],
      ['2026-04', 'not_submitted', null],
    ]);
  });
});

describe('hours and co-financing', () => {
  it('rounds hours to two decimals and the amount to whole öre once', () => {
    expect(hoursOf(0)).toBe(0);
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(100)).toBe(1.67);
    expect(hoursOf(1)).toBe(0.02);
    expect(cofinancingAmount(100, 137.5)).toBe(229.17);
    // 1 minute at 0.30 kr/h is half an öre: a half rounds up.
    expect(cofinancingAmount(1, 0.3)).toBe(0.01);
    expect(cofinancingAmount(1, 0.29)).toBe(0);
    expect(cofinancingAmount(60, null)).toBeNull();
    // Sums beyond 2^53 öre-minutes stay exact.
    expect(cofinancingAmount(9_000_000_000, 99_999.99)).toBe(14_999_998_500_000);
  });
});
