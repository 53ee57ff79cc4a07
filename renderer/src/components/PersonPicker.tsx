import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { personIndex, type PersonRef } from './personSearch';

/**
 * A combobox for one person: type part of a name (or a city), pick from fuzzy suggestions with the
 * mouse or the arrow keys and Enter. The text itself is resolved by `resolvePerson` on submit, so a
 * unique name typed out in full works too.
 */
export function PersonPicker({ people, value, onChange, label, placeholder, testId }: { people: readonly PersonRef[]; value: string; onChange(text: string): void; label: string; placeholder?: string; testId?: string }) {
  const search = useMemo(() => personIndex(people), [people]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const matches = open ? search(value) : [];
  const pick = (p: PersonRef) => {
    onChange(`${p.name} (${p.id})`);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!matches.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(matches[Math.min(active, matches.length - 1)]);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <div className="picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={matches.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={matches.length ? `${id}-${Math.min(active, matches.length - 1)}` : undefined}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(e) => (onChange(e.target.value), setOpen(true), setActive(0))}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      {matches.length > 0 && (
        <ul className="picker-list" role="listbox" id={`${id}-list`} aria-label={`${label}: suggestions`}>
          {matches.map((p, i) => (
            <li
              key={p.id}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === Math.min(active, matches.length - 1)}
              className={i === Math.min(active, matches.length - 1) ? 'on' : ''}
              onMouseDown={(e) => (e.preventDefault(), pick(p))}
              data-testid={testId && `${testId}-option`}
            >
              {p.name}
              {p.city && <span className="muted small"> · {p.city}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
