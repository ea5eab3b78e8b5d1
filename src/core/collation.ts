// The embedded database has no ICU collations, so Swedish order is kept in a sort key column that sorts
// right under the plain byte order both engines share: a–z, then å, ä, ö (æ as ä, ø as ö, ü as y).
const swedishLetters: Record<string, string> = { å: '{', ä: '|', æ: '|', ö: '}', ø: '}', ü: 'y' };

/** A string whose byte order is Swedish alphabetical order of `text`, ignoring case and accents. */
export function swedishSortKey(text: string): string {
  let key = '';
  for (const char of text.toLocaleLowerCase('sv')) {
    const mapped = swedishLetters[char];
    if (mapped) {
      key += mapped;
      continue;
    }
    // Other accented Latin letters sort as their base letter (é as e); other scripts keep their code points.
    key += char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return key;
}

/** What a participant is found by: both name orders and the identity number, lower-cased the Swedish way. */
export function personSearchText(firstName: string, lastName: string, identityNumber: string): string {
  return `${firstName} ${lastName} ${lastName} ${firstName} ${identityNumber}`.toLocaleLowerCase('sv');
}

/** The sort key of a person: last name, then first name. */
export function personSortKey(firstName: string, lastName: string): string {
  return `${swedishSortKey(lastName)}\u0001${swedishSortKey(firstName)}`;
}
