import { useMemo } from 'react';
import { filtersActive, NO_FILTERS, TIME_ZONE_BANDS, type GraphFilters, type TimeZoneBand } from './filters';
import type { GraphModel } from './graphModel';

/** The graph's filters: skill and level, city or region, time-zone band, availability and rate. */
export function GraphFilterPanel({ model, filters, onChange, shown, nameOf }: { model: GraphModel; filters: GraphFilters; onChange(f: GraphFilters): void; shown: number; nameOf(skill: string): string }) {
  const skills = useMemo(() => {
    const all = new Set<string>();
    for (const p of model.people) for (const s of p.skills) all.add(s.skill);
    return [...all].map((id) => ({ id, label: nameOf(id) })).sort((a, b) => a.label.localeCompare(b.label));
  }, [model, nameOf]);
  const set = (patch: Partial<GraphFilters>) => onChange({ ...filters, ...patch });
  return (
    <form className="graph-panel graph-filters" data-testid="graph-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <div className="row graph-filters-head">
        <strong>Filters</strong>
        <span className="small muted" data-testid="graph-shown" role="status">
          {shown} of {model.ids.length} shown
        </span>
      </div>
      <label>
        Skill
        <select data-testid="graph-filter-skill" value={filters.skill} onChange={(e) => set({ skill: e.target.value })}>
          <option value="">Any skill</option>
          {skills.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Level at least {filters.minLevel.toFixed(1)}
        <input type="range" min={0} max={1} step={0.1} value={filters.minLevel} data-testid="graph-filter-level" onChange={(e) => set({ minLevel: Number(e.target.value) })} />
      </label>
      <label>
        City or country
        <input type="search" value={filters.place} placeholder="e.g. Lisbon, Kenya" data-testid="graph-filter-place" onChange={(e) => set({ place: e.target.value })} />
      </label>
      <label>
        Time zones
        <select data-testid="graph-filter-band" value={filters.band} onChange={(e) => set({ band: e.target.value as TimeZoneBand | '' })}>
          <option value="">Anywhere</option>
          {(Object.keys(TIME_ZONE_BANDS) as TimeZoneBand[]).map((b) => (
            <option key={b} value={b}>
              {TIME_ZONE_BANDS[b].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Availability at least {Math.round(filters.minAvailability * 100)}%
        <input type="range" min={0} max={1} step={0.1} value={filters.minAvailability} data-testid="graph-filter-availability" onChange={(e) => set({ minAvailability: Number(e.target.value) })} />
      </label>
      <label>
        Rate at most (per hour)
        <input
          type="number"
          min={0}
          placeholder="No limit"
          value={Number.isFinite(filters.maxRate) ? filters.maxRate : ''}
          data-testid="graph-filter-rate"
          onChange={(e) => set({ maxRate: e.target.value === '' ? Infinity : Math.max(0, Number(e.target.value)) })}
        />
      </label>
      {filtersActive(filters) && (
        <button type="button" className="secondary" onClick={() => onChange(NO_FILTERS)} data-testid="graph-filter-reset">
          Clear filters
        </button>
      )}
    </form>
  );
}
