import { create } from 'zustand';

import { formatRoute, parseRoute, type Route, type View } from '../router';

export type { View } from '../router';

/** UI state only: which view, what is selected, filters, messages. Documents live in Yjs. */

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
  /** The member whose page is open on the Members screen (`#/members/<key>`). */
  selectedMemberKey: string | null;
  /** People selected on the graph or in the People and Ties tables: one selection, kept across views. */
  selectedPeople: readonly string[];
  peopleFilter: string;
  tiesFilter: string;
  notice: Notice | null;
  go(view: View): void;
  /** The location hash changed (back, forward, a link): show that route. */
  followRoute(route: Route): void;
  selectPerson(id: string | null): void;
  setSelectedPeople(ids: readonly string[]): void;
  startNewPerson(): void;
  selectProject(id: string | null): void;
  /** Opens a member's page (a new history entry, so back returns to the one before). */
  selectMember(key: string | null): void;
  setPeopleFilter(text: string): void;
  setTiesFilter(text: string): void;
  notify(text: string, kind?: 'info' | 'error', action?: Notice['action']): void;
  /** Another workspace was opened: what was selected or filtered belonged to the last one. */
  resetForWorkspace(): void;
  clearNotice(): void;
}

/** Puts a route in the address bar as a new history entry, so back and forward walk through views. */
function pushRoute(route: Route) {
  if (typeof location === 'undefined') return;
  const hash = formatRoute(route);
  if (location.hash !== hash) location.hash = hash;
}

const initial = typeof location === 'undefined' ? { view: 'people' as View } : parseRoute(location.hash);

export const useUi = create<UiState>((set, get) => ({
  view: initial.view,
  selectedPersonId: null,
  creatingPerson: false,
  selectedProjectId: initial.projectId ?? null,
  selectedMemberKey: initial.memberKey ?? null,
  selectedPeople: [],
  peopleFilter: '',
  tiesFilter: '',
  notice: null,
  go: (view) => {
    const projectId = view === 'projects' ? (get().selectedProjectId ?? undefined) : undefined;
    const memberKey = view === 'members' ? (get().selectedMemberKey ?? undefined) : undefined;
    set({ view, selectedPersonId: null, creatingPerson: false });
    pushRoute({ view, projectId, memberKey });
  },
  followRoute: (route) => {
    const current = get();
    if (current.view === route.view && (route.view !== 'projects' || current.selectedProjectId === (route.projectId ?? null)) && (route.view !== 'members' || current.selectedMemberKey === (route.memberKey ?? null))) return;
    set({
      view: route.view,
      ...(route.view === 'projects' ? { selectedProjectId: route.projectId ?? null } : {}),
      ...(route.view === 'members' ? { selectedMemberKey: route.memberKey ?? null } : {}),
      ...(route.view !== current.view ? { selectedPersonId: null, creatingPerson: false } : {}) });
  },
  selectPerson: (id) => set({ selectedPersonId: id, creatingPerson: false, ...(id ? { selectedPeople: [id] } : {}) }),
  setSelectedPeople: (ids) => set({ selectedPeople: [...ids] }),
  startNewPerson: () => set({ selectedPersonId: null, creatingPerson: true }),
  selectMember: (key) => {
    set({ selectedMemberKey: key });
    if (get().view === 'members') pushRoute({ view: 'members', memberKey: key ?? undefined });
  },
  selectProject: (id) => {
    set({ selectedProjectId: id });
    if (get().view === 'projects') pushRoute({ view: 'projects', projectId: id ?? undefined });
  },
  setPeopleFilter: (peopleFilter) => set({ peopleFilter }),
  setTiesFilter: (tiesFilter) => set({ tiesFilter }),
  notify: (text, kind = 'info', action) => set({ notice: { text, kind, action } }),
  resetForWorkspace: () => set({ selectedPeople: [], selectedPersonId: null, creatingPerson: false, selectedProjectId: null, selectedMemberKey: null, peopleFilter: '', tiesFilter: '' }),
  clearNotice: () => set({ notice: null }),
}));
