import { useMemo, useState, type ReactNode } from 'react';

export type SortValue = string | number | undefined;
export type SortDir = 'asc' | 'desc';

/**
 * Sorts rows by one column. Missing values always go last (in both directions), text compares
 * case- and accent-insensitively with numbers in it read as numbers ("p9" before "p10"), and ties keep
 * their original order.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir): T[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c * sign || a.i - b.i;
    })
    .map((x) => x.row);
}

/** Numbers sort largest first on the first click (most ties, highest rate); text A to Z. */
function firstDir<T>(rows: readonly T[], value: (row: T) => SortValue): SortDir {
  for (const row of rows) {
    const v = value(row);
    if (v !== undefined) return typeof v === 'number' ? 'desc' : 'asc';
  }
  return 'asc';
}

/** Sortable column headers for a table: click to sort, click again to reverse. */
export function useSortable<T, K extends string>(rows: readonly T[], columns: Record<K, (row: T) => SortValue>, initial: { key: K; dir: SortDir } | null = null) {
  const [sort, setSort] = useState(initial);
  const sorted = useMemo(() => (sort ? sortRows(rows, columns[sort.key], sort.dir) : rows), [rows, columns, sort]);
  const header = (key: K, label: string, className?: string) => {
    const on = sort?.key === key;
    return (
      <th key={key} className={className} aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort"
          data-testid={`sort-${key}`}
          onClick={() => setSort(on && sort.dir === 'asc' ? { key, dir: 'desc' } : { key, dir: on ? 'asc' : firstDir(rows, columns[key]) })}
        >
          {label}
          <span aria-hidden className="sort-mark">
            {on ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };
  return { sorted, header };
}

/** Long tables render a page at a time; the page resets when `resetKey` (the filter) changes. */
export function useShowMore(pageSize: number, resetKey: string) {
  const [state, setState] = useState({ key: resetKey, limit: pageSize });
  const limit = state.key === resetKey ? state.limit : pageSize;
  return { limit, more: () => setState({ key: resetKey, limit: limit + pageSize }) };
}

export function ShowMore({ shown, total, onMore, hint }: { shown: number; total: number; onMore: () => void; hint: string }) {
  if (total <= shown) return null;
  return (
    <p className="muted small show-more">
      Showing {shown} of {total}. {hint}{' '}
      <button type="button" className="secondary" onClick={onMore} data-testid="show-more">
        Show {Math.min(shown, total - shown)} more
      </button>
    </p>
  );
}

export interface Column<T> {
  label: string;
  /** The value the column sorts by. */
  sort: (row: T) => SortValue;
  className?: string;
}

/**
 * A table with sortable headers and "show more" paging; a last, unlabeled column holds row actions.
 * `columns` must be stable (memoised): re-sorting follows it.
 */
export function DataTable<T, K extends string>(props: {
  testId: string;
  rows: readonly T[];
  columns: Record<K, Column<T>>;
  pageSize: number;
  /** Paging starts again when this changes (the filter text). */
  resetKey: string;
  hint: string;
  row: (row: T) => ReactNode;
}) {
  const { columns } = props;
  const accessors = useMemo(() => Object.fromEntries(Object.entries<Column<T>>(columns).map(([k, c]) => [k, c.sort])) as Record<K, (row: T) => SortValue>, [columns]);
  const { sorted, header } = useSortable(props.rows, accessors);
  const page = useShowMore(props.pageSize, props.resetKey);
  return (
    <>
      <table className="table" data-testid={props.testId}>
        <thead>
          <tr>
            {(Object.entries(columns) as [K, Column<T>][]).map(([key, c]) => header(key, c.label, c.className))}
            <th />
          </tr>
        </thead>
        <tbody>{sorted.slice(0, page.limit).map(props.row)}</tbody>
      </table>
      <ShowMore shown={Math.min(page.limit, sorted.length)} total={sorted.length} onMore={page.more} hint={props.hint} />
    </>
  );
}
