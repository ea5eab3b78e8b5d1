import type { ReactNode } from 'react';

export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The column that names the row; its cells become row headers for screen readers. */
  isRowHeader?: boolean;
  className?: string;
};

type DataTableProps<T> = {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  emptyText: ReactNode;
};

// A plain table: the rows hold links and buttons, so a grid's arrow-key navigation would only get in the way.
export function DataTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  emptyText,
}: DataTableProps<T>) {
  if (rows.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className={captionHidden ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.isRowHeader ? (
                  <th key={column.key} scope="row" className={column.className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={column.key}
                    className={column.className}
                    // On narrow screens rows stack as cards and each cell shows its column name.
                    data-label={typeof column.header === 'string' ? column.header : undefined}
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
