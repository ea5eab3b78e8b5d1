import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title as "Page – Stegvis", so each page is told apart in history and by screen readers. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${product}` : product;
  }, [title, product]);
}
