import { describe, expect, it } from 'vitest';
import { sortRows } from './tableTools';

describe('sortRows', () => {
  const rows = [
    { id: 'p10', name: 'Émile', rate: 40 },
    { id: 'p9', name: 'ana', rate: undefined },
    { id: 'p2', name: 'Bruno', rate: 90 },
    { id: 'p1', name: 'Ana', rate: 40 },
  ];
  it('compares text without case or accents, numbers inside text as numbers, and keeps ties stable', () => {
    expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.id)).toEqual(['p9', 'p1', 'p2', 'p10']);
    expect(sortRows(rows, (r) => r.id, 'asc').map((r) => r.id)).toEqual(['p1', 'p2', 'p9', 'p10']);
    expect(sortRows(rows, (r) => r.id, 'desc').map((r) => r.id)).toEqual(['p10', 'p9', 'p2', 'p1']);
  });
  it('puts missing values last in both directions', () => {
    expect(sortRows(rows, (r) => r.rate, 'asc').map((r) => r.id)).toEqual(['p10', 'p1', 'p2', 'p9']);
    expect(sortRows(rows, (r) => r.rate, 'desc').map((r) => r.id)).toEqual(['p2', 'p10', 'p1', 'p9']);
  });
  it('does not change its input', () => {
    const copy = rows.map((r) => r.id);
    sortRows(rows, (r) => r.name, 'desc');
    expect(rows.map((r) => r.id)).toEqual(copy);
  });
});
