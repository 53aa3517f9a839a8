// Search and filters for the objectives list; each is a labelled field and applies as it changes.
import type { PlanDetail } from '../../../shared/contract';
import { STATUS_LABELS, STATUS_ORDER } from '../../../shared/status';

export interface Filters {
  text: string;
  strand: string;
  theme: string;
  year: string;
  status: string;
}

export function ObjectiveFilters({
  plan,
  filters,
  onChange,
}: {
  plan: PlanDetail;
  filters: Filters;
  onChange(f: Filters): void;
}) {
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  return (
    <form className="filters" role="search" aria-label="Find objectives" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="objective-search">Search</label>
        <input
          id="objective-search"
          type="search"
          value={filters.text}
          placeholder="Words or a reference"
          onChange={(e) => set({ text: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-strand">Strand</label>
        <select id="filter-strand" value={filters.strand} onChange={(e) => set({ strand: e.target.value })}>
          <option value="">All strands</option>
          {plan.strands.map((s) => (
            <option key={s.number} value={s.number}>
              {s.number}. {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-theme">Theme</label>
        <select id="filter-theme" value={filters.theme} onChange={(e) => set({ theme: e.target.value })}>
          <option value="">All themes</option>
          {plan.themes.map((t) => (
            <option key={t.code} value={t.code}>
              {t.theme}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-year">Year</label>
        <select id="filter-year" value={filters.year} onChange={(e) => set({ year: e.target.value })}>
          <option value="">Any year</option>
          <option>Year 1</option>
          <option>Year 2</option>
          <option>Year 1 &amp; 2</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status this month</label>
        <select id="filter-status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">Any status</option>
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {(filters.text || filters.strand || filters.theme || filters.year || filters.status) && (
        <button
          type="button"
          className="button-quiet"
          onClick={() => onChange({ text: '', strand: '', theme: '', year: '', status: '' })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
