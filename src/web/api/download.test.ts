import { describe, expect, it } from 'vitest';
import { attachmentName } from './download.ts';

describe('attachmentName', () => {
  it('takes the name from the Content-Disposition header, the encoded one first', () => {
    expect(attachmentName('attachment; filename="manadsfil-2026-01.csv"', 'x.csv')).toBe(
      'manadsfil-2026-01.csv',
    );
    expect(attachmentName('attachment; filename=avvikelser-2026-10.csv', 'x.csv')).toBe(
      'avvikelser-2026-10.csv',
    );
    expect(
      attachmentName(`attachment; filename="manadsfil.csv"; filename*=UTF-8''m%C3%A5nadsfil.csv`, 'x.csv'),
    ).toBe('månadsfil.csv');
  });

  it('falls back when there is no name', () => {
    expect(attachmentName(null, 'fil.xlsx')).toBe('fil.xlsx');
    expect(attachmentName('attachment', 'fil.xlsx')).toBe('fil.xlsx');
  });
});
