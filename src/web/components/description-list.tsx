import type { ReactNode } from 'react';

export type DescriptionItem = { term: ReactNode; value: ReactNode; key: string };

/** Label–value pairs; an empty value shows a dash that screen readers read as "not given". */
export function DescriptionList({
  items,
  emptyLabel,
}: {
  items: readonly DescriptionItem[];
  emptyLabel: string;
}) {
  return (
    <dl className="description-list">
      {items.map((item) => (
        <div key={item.key} className="description-item">
          <dt>{item.term}</dt>
          <dd>
            {item.value === null || item.value === undefined || item.value === '' ? (
              <>
                <span aria-hidden="true">–</span>
                <span className="visually-hidden">{emptyLabel}</span>
              </>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
