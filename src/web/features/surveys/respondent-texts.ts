// The few words around the questions on the answering page, in the survey's languages. The staff app speaks
// Swedish and English only; a respondent reads the page in the language they chose, and where we have no words
// in it yet, in Swedish (marked so, for screen readers).

export type RespondentTexts = {
  language: string;
  requiredNote: string;
  scale: [string, string, string, string, string];
  yes: string;
  no: string;
  submit: string;
  answerRequired: string;
  invalidAnswer: string;
  errorTitle: string;
  failed: string;
  thanksTitle: string;
  thanksBody: string;
  anonymous: string;
  notFound: string;
  loading: string;
};

const texts: Record<string, RespondentTexts> = {
  sv: {
    language: 'Språk',
    requiredNote: 'Frågor markerade med * måste besvaras.',
    scale: ['1 – Mycket missnöjd', '2 – Missnöjd', '3 – Varken eller', '4 – Nöjd', '5 – Mycket nöjd'],
    yes: 'Ja',
    no: 'Nej',
    submit: 'Skicka svaren',
    answerRequired: 'Svara på frågan.',
    invalidAnswer: 'Svaret är inte giltigt.',
    errorTitle: 'Några frågor saknar svar',
    failed: 'Svaren kunde inte skickas. Försök igen om en stund.',
    thanksTitle: 'Tack för dina svar!',
    thanksBody: 'Dina svar är sparade. Du kan stänga sidan.',
    anonymous: 'Dina svar är anonyma. Vi sparar inte ditt namn eller något annat som visar vem du är.',
    notFound: 'Enkäten finns inte eller är stängd.',
    loading: 'Laddar …',
  },
  en: {
    language: 'Language',
    requiredNote: 'Questions marked with * must be answered.',
    scale: [
      '1 – Very dissatisfied',
      '2 – Dissatisfied',
      '3 – Neither',
      '4 – Satisfied',
      '5 – Very satisfied',
    ],
    yes: 'Yes',
    no: 'No',
    submit: 'Send the answers',
    answerRequired: 'Answer the question.',
    invalidAnswer: 'The answer is not valid.',
    errorTitle: 'Some questions have no answer',
    failed: 'The answers could not be sent. Try again in a while.',
    thanksTitle: 'Thank you for your answers!',
    thanksBody: 'Your answers are saved. You can close the page.',
    anonymous:
      'Your answers are anonymous. We do not keep your name or anything else that shows who you are.',
    notFound: 'The survey does not exist or is closed.',
    loading: 'Loading …',
  },
  ar: {
    language: 'اللغة',
    requiredNote: 'يجب الإجابة على الأسئلة المعلّمة بـ *.',
    scale: ['1 – غير راضٍ جدًا', '2 – غير راضٍ', '3 – محايد', '4 – راضٍ', '5 – راضٍ جدًا'],
    yes: 'نعم',
    no: 'لا',
    submit: 'أرسل الإجابات',
    answerRequired: 'أجب على السؤال.',
    invalidAnswer: 'الإجابة غير صالحة.',
    errorTitle: 'بعض الأسئلة بدون إجابة',
    failed: 'تعذّر إرسال الإجابات. حاول مرة أخرى بعد قليل.',
    thanksTitle: 'شكرًا على إجاباتك!',
    thanksBody: 'تم حفظ إجاباتك. يمكنك إغلاق الصفحة.',
    anonymous: 'إجاباتك مجهولة الهوية. لا نحفظ اسمك أو أي شيء آخر يدل على هويتك.',
    notFound: 'الاستبيان غير موجود أو مغلق.',
    loading: 'جارٍ التحميل …',
  },
  fa: {
    language: 'زبان',
    requiredNote: 'به پرسش‌هایی که با * مشخص شده‌اند باید پاسخ داد.',
    scale: ['1 – بسیار ناراضی', '2 – ناراضی', '3 – نه راضی نه ناراضی', '4 – راضی', '5 – بسیار راضی'],
    yes: 'بله',
    no: 'نه',
    submit: 'ارسال پاسخ‌ها',
    answerRequired: 'به این پرسش پاسخ دهید.',
    invalidAnswer: 'پاسخ معتبر نیست.',
    errorTitle: 'برخی پرسش‌ها بدون پاسخ هستند',
    failed: 'پاسخ‌ها ارسال نشد. کمی بعد دوباره تلاش کنید.',
    thanksTitle: 'از پاسخ‌های شما سپاسگزاریم!',
    thanksBody: 'پاسخ‌های شما ذخیره شد. می‌توانید صفحه را ببندید.',
    anonymous: 'پاسخ‌های شما ناشناس است. ما نام شما یا چیزی که نشان دهد شما چه کسی هستید را نگه نمی‌داریم.',
    notFound: 'این پرسشنامه وجود ندارد یا بسته شده است.',
    loading: 'در حال بارگذاری …',
  },
  uk: {
    language: 'Мова',
    requiredNote: 'На запитання, позначені *, потрібно відповісти.',
    scale: [
      '1 – Дуже незадоволений',
      '2 – Незадоволений',
      '3 – Ні те, ні інше',
      '4 – Задоволений',
      '5 – Дуже задоволений',
    ],
    yes: 'Так',
    no: 'Ні',
    submit: 'Надіслати відповіді',
    answerRequired: 'Дайте відповідь на запитання.',
    invalidAnswer: 'Відповідь недійсна.',
    errorTitle: 'На деякі запитання немає відповіді',
    failed: 'Не вдалося надіслати відповіді. Спробуйте ще раз трохи згодом.',
    thanksTitle: 'Дякуємо за ваші відповіді!',
    thanksBody: 'Ваші відповіді збережено. Можете закрити сторінку.',
    anonymous: 'Ваші відповіді анонімні. Ми не зберігаємо ваше ім’я чи будь-що, що показує, хто ви.',
    notFound: 'Опитування не існує або його закрито.',
    loading: 'Завантаження …',
  },
};

/** The words of the answering page in the language, else in Swedish; `lang` says which they are in. */
export function respondentTexts(language: string): { lang: string; texts: RespondentTexts } {
  const found = texts[language];
  return found ? { lang: language, texts: found } : { lang: 'sv', texts: texts.sv as RespondentTexts };
}

/** Whether the language is written right to left. */
export function isRightToLeft(language: string): boolean {
  return ['ar', 'fa', 'prs', 'ps'].includes(language);
}

/** The language's own name, for the language switcher. */
export const languageSelfNames: Record<string, string> = {
  sv: 'Svenska',
  ar: 'العربية',
  ti: 'ትግርኛ',
  so: 'Soomaali',
  fa: 'فارسی',
  prs: 'دری',
  ps: 'پښتو',
  ku: 'Kurdî',
  uk: 'Українська',
  ru: 'Русский',
  am: 'አማርኛ',
  tr: 'Türkçe',
  en: 'English',
  fr: 'Français',
  es: 'Español',
  bs: 'Bosanski',
  sq: 'Shqip',
  th: 'ไทย',
};
