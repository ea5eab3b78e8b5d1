import { type Share, share } from './dashboard.ts';

// The figures of a survey's results, from the counts the database gives: one definition for the page, the
// export and the tests.

/**
 * The fewest answers whose results are shown or exported: below it, a figure or a free text of a small group could
 * single out one person's answers, so neither is given (as Statistics Sweden suppresses small cells).
 */
export const minimumAnswersShown = 5;

/** Scale 1–5: the mean (two decimals), 4–5 as "nöjda" and 5 as "mycket nöjda", of those who answered. */
export function scaleFigures(counts: readonly number[]): {
  mean: number | null;
  satisfied: Share;
  verySatisfied: Share;
} {
  const answered = counts.reduce((sum, n) => sum + n, 0);
  const total = counts.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return {
    // Integers first, so 4.125 rounds as a person would expect.
    mean: answered === 0 ? null : Math.round((total * 100) / answered) / 100,
    satisfied: share((counts[3] ?? 0) + (counts[4] ?? 0), answered),
    verySatisfied: share(counts[4] ?? 0, answered),
  };
}

/** Yes or no: the share who said yes, of those who answered. */
export function yesFigure(yes: number, no: number): Share {
  return share(yes, yes + no);
}

/** The text of a question or title in the language asked for, else in Swedish. */
export function textIn(texts: Readonly<Record<string, string>>, language: string): string {
  return texts[language] ?? texts.sv ?? '';
}
