import { create } from 'zustand';

/** UI state only: which view, what is selected, filters, messages. Documents live in Yjs. */
export type View = 'workspaces' | 'people' | 'projects' | 'ties' | 'graph';

interface UiState {
  view: View;
  selectedPersonId: string | null;
  creatingPerson: boolean;
  selectedProjectId: string | null;
  peopleFilter: string;
  tiesFilter: string;
  notice: { text: string; kind: 'info' | 'error' } | null;
  go(view: View): void;
  selectPerson(id: string | null): void;
  startNewPerson(): void;
  selectProject(id: string | null): void;
  setPeopleFilter(text: string): void;
  setTiesFilter(text: string): void;
  notify(text: string, kind?: 'info' | 'error'): void;
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
  notify: (text, kind = 'info') => set({ notice: { text, kind } }),
  clearNotice: () => set({ notice: null }),
}));
