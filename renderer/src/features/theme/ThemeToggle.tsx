import { THEME_CHOICES, THEME_LABELS, useTheme } from './theme';

const ICON = { system: '◐', light: '☀', dark: '☾' } as const;

/** The top bar's theme button: cycles System → Light → Dark. */
export function ThemeToggle() {
  const t = useTheme();
  const label = `Theme: ${THEME_LABELS[t.choice]}${t.choice === 'system' ? ` (${t.theme})` : ''}. Click to change.`;
  return (
    <button type="button" className="ghost icon theme-toggle" onClick={() => t.cycle()} title={label} aria-label={label} data-testid="theme-toggle" data-theme-choice={t.choice}>
      <span aria-hidden>{ICON[t.choice]}</span>
    </button>
  );
}

/** The Settings row: an explicit choice between the three. */
export function ThemeChoiceField() {
  const t = useTheme();
  return (
    <fieldset className="choices" data-testid="theme-choice">
      <legend>Appearance</legend>
      {THEME_CHOICES.map((c) => (
        <label key={c} className="inline">
          <input type="radio" name="theme" value={c} checked={t.choice === c} onChange={() => t.set(c)} /> {THEME_LABELS[c]}
          {c === 'system' && <span className="muted small"> (now {t.theme})</span>}
        </label>
      ))}
    </fieldset>
  );
}
