import { create } from 'zustand';

/** UI state only: which view, what is selected, filters, messages. Documents live in Yjs. */
export type View = 'workspaces' | 'people' | 'projects' | 'ties';

/** A toast. `action` offers one button: undo what was just done, or redo what was just undone. */
export interface Notice {
  text: string;
  kind: 'info' | 'error';
  action?: 'undo' | 'redo';
}

interface UiState {
  view: View;
  selectedPersonId: string | null;
  creatingPerson: boolean;
  selectedProjectId: string | null;
  peopleFilter: string;
  tiesFilter: string;
  notice: Notice | null;
  go(view: View): void;
  selectPerson(id: string | null): void;
  startNewPerson(): void;
  selectProject(id: string | null): void;
  setPeopleFilter(text: string): void;
  setTiesFilter(text: string): void;
  notify(text: string, kind?: 'info' | 'error', action?: Notice['action']): void;
  /** Another workspace was opened: what was selected or filtered belonged to the last one. */
  resetForWorkspace(): void;
  clearNotice(): void;
}

export const useUi = create<UiState>((set) => ({
  view: 'people',
  selectedPersonId: null,
  creatingPerson: false,
  selectedProjectId: null,
  peopleFilter: '',
  tiesFilter: '',
  notice: null,
  go: (view) => set({ view, selectedPersonId: null, creatingPerson: false }),
  selectPerson: (id) => set({ selectedPersonId: id, creatingPerson: false }),
  startNewPerson: () => set({ selectedPersonId: null, creatingPerson: true }),
  selectProject: (id) => set({ selectedProjectId: id }),
  setPeopleFilter: (peopleFilter) => set({ peopleFilter }),
  setTiesFilter: (tiesFilter) => set({ tiesFilter }),
  notify: (text, kind = 'info', action) => set({ notice: { text, kind, action } }),
  resetForWorkspace: () => set({ selectedPersonId: null, creatingPerson: false, selectedProjectId: null, peopleFilter: '', tiesFilter: '' }),
  clearNotice: () => set({ notice: null }),
}));
