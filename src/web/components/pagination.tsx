import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
};

export function Pagination({ page, pageSize, total, onPageChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <Button
        className="button button-secondary"
        isDisabled={page <= 1}
        onPress={() => onPageChange(page - 1)}
      >
        {t('common.previousPage')}
      </Button>
      <span className="pagination-status">{t('common.pageOf', { page, pages })}</span>
      <Button
        className="button button-secondary"
        isDisabled={page >= pages}
        onPress={() => onPageChange(page + 1)}
      >
        {t('common.nextPage')}
      </Button>
    </nav>
  );
}
