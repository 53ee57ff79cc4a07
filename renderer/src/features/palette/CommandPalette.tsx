import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { listProjects, type ProjectSummary } from '../../../../shared/model/docs/workspaceDoc';
import { useNetwork } from '../../hooks/useNetwork';
import { useApp } from '../../hooks/useSession';
import { useYSnapshot } from '../../hooks/useYSnapshot';
import { VIEWS } from '../../router';
import { SHOW_SHORTCUTS_EVENT } from '../shortcuts/Shortcuts';
import { useUi } from '../../state/uiStore';
import { installTheme, THEME_CHOICES, THEME_LABELS } from '../theme/theme';
import { searchPalette, type PaletteItem } from './paletteItems';

const NO_PROJECTS: ProjectSummary[] = [];
const VIEW_LABELS: Record<string, string> = { people: 'People', ties: 'Trust ties', projects: 'Projects', map: 'Map', graph: 'Graph', governance: 'Governance', workspaces: 'Workspaces' };
const KIND_LABEL = { person: 'Person', project: 'Project', view: 'Go to', action: 'Action' } as const;

/** Focuses an element of a view once the view has rendered it. */
const focusSoon = (selector: string, click = false) =>
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (click) el?.click();
    else el?.focus();
  }, 60);

export interface PaletteProps {
  onClose(): void;
  undo(): void;
  redo(): void;
}

/** Ctrl/Cmd+K: fuzzy search over people, projects, views and actions. A dialog with a combobox and its listbox. */
export default function CommandPalette({ onClose, undo, redo }: PaletteProps) {
  const { session } = useApp();
  const { net } = useNetwork();
  const projects = useYSnapshot(session?.workspace.doc, listProjects, NO_PROJECTS);
  const ui = useUi();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const items = useMemo<PaletteItem[]>(() => {
    const actions: PaletteItem[] = [
      { id: 'a:add-person', kind: 'action', title: 'Add a person', detail: 'new person', run: () => (ui.go('people'), ui.startNewPerson()) },
      { id: 'a:new-project', kind: 'action', title: 'New project', detail: 'create project', run: () => (ui.go('projects'), focusSoon('[data-testid=new-project-name]')) },
      { id: 'a:import', kind: 'action', title: 'Import people and ties…', detail: 'import file json', run: () => (ui.go('people'), focusSoon('[data-testid=import-file]', true)) },
      { id: 'a:undo', kind: 'action', title: 'Undo', detail: 'Ctrl+Z', run: undo },
      { id: 'a:redo', kind: 'action', title: 'Redo', detail: 'Shift+Ctrl+Z', run: redo },
      ...THEME_CHOICES.map((c): PaletteItem => ({ id: `a:theme-${c}`, kind: 'action', title: `Theme: ${THEME_LABELS[c]}`, detail: 'appearance dark light mode', run: () => installTheme().set(c) })),
      { id: 'a:shortcuts', kind: 'action', title: 'Show keyboard shortcuts', detail: '? help keys', run: () => window.dispatchEvent(new Event(SHOW_SHORTCUTS_EVENT)) },
    ];
    const views: PaletteItem[] = VIEWS.map((v) => ({ id: `v:${v}`, kind: 'view', title: VIEW_LABELS[v] ?? v, detail: `view #/${v}`, run: () => ui.go(v) }));
    const projectItems: PaletteItem[] = projects.map((p) => ({ id: `pr:${p.id}`, kind: 'project', title: p.name, detail: 'project', run: () => (ui.go('projects'), ui.selectProject(p.id)) }));
    const people: PaletteItem[] = net.people.map((p) => ({
      id: `p:${p.id}`,
      kind: 'person',
      title: p.name,
      detail: [p.skills.map((s) => s.skill).join(', '), p.location?.city].filter(Boolean).join(' · '),
      run: () => (ui.go('people'), ui.selectPerson(p.id)),
    }));
    return [...actions, ...views, ...projectItems, ...people];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [net.people, projects, undo, redo]);
  const results = useMemo(() => searchPalette(items, query), [items, query]);
  const current = Math.min(active, Math.max(0, results.length - 1));

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => before?.focus?.();
  }, []);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') setActive((current + 1) % Math.max(1, results.length));
    else if (e.key === 'ArrowUp') setActive((current - 1 + results.length) % Math.max(1, results.length));
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'Enter') run(results[current]);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" data-testid="palette" onKeyDown={onKey}>
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={results[current] ? `palette-${current}` : undefined}
          aria-label="Search people, projects, views and actions"
          placeholder="Search people, projects, views and actions…"
          value={query}
          onChange={(e) => (setQuery(e.target.value), setActive(0))}
          data-testid="palette-input"
        />
        <ul id="palette-list" role="listbox" aria-label="Results" ref={list}>
          {results.map((r, i) => (
            <li
              key={r.id}
              id={`palette-${i}`}
              role="option"
              aria-selected={i === current}
              data-index={i}
              className={i === current ? 'on' : ''}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => run(r)}
              data-testid="palette-option"
              data-kind={r.kind}
            >
              <span className="palette-kind">{KIND_LABEL[r.kind]}</span>
              <span className="palette-title">{r.title}</span>
              {r.detail && <span className="palette-detail">{r.detail}</span>}
            </li>
          ))}
          {results.length === 0 && <li className="palette-empty">Nothing matches “{query}”.</li>}
        </ul>
        <p className="palette-help">
          <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
        </p>
      </div>
    </div>
  );
}
