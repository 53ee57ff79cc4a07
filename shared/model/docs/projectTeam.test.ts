import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openProjectDoc } from './projectDoc';
import {
  acceptRequirements,
  acceptTeam,
  addRole,
  applyRequirementsChange,
  assemblyRequest,
  banPerson,
  pinPerson,
  readTeamPlan,
  removeRole,
  requirementsChange,
  setRoleLevel,
} from './projectTeam';

const O = 'test';
const proposed = [
  { skill: 'ui-design', label: 'UI design', level: 0.6, why: 'mentions “app”' },
  { skill: 'storytelling', label: 'Storytelling', level: 0.5, why: 'mentions “story”' },
];
const project = () => {
  const doc = new Y.Doc();
  openProjectDoc(doc, O);
  return doc;
};

describe('a project’s requirements and team', () => {
  it('reads as empty before anything is accepted', () => {
    expect(readTeamPlan(project())).toMatchObject({ roles: [], basis: null, pinned: [], banned: [], accepted: null, invalid: [] });
  });

  it('accepts the forecast as requirements, remembering the objective, and edits them', () => {
    const doc = project();
    acceptRequirements(doc, proposed, 'an app with a story', O);
    let plan = readTeamPlan(doc);
    expect(plan.basis).toBe('an app with a story');
    expect(plan.roles.map((r) => [r.id, r.minLevel, r.source])).toEqual([
      ['ui-design', 0.6, 'forecast'],
      ['storytelling', 0.5, 'forecast'],
    ]);
    setRoleLevel(doc, 'ui-design', 0.8, O);
    const extra = addRole(doc, { skill: 'ui-design', label: 'UI design', minLevel: 0.4 }, O);
    expect(extra).toBe('ui-design-2');
    plan = readTeamPlan(doc);
    expect(plan.roles.map((r) => r.id)).toEqual(['ui-design', 'storytelling', 'ui-design-2']);
    expect(plan.roles[0].minLevel).toBe(0.8);
    expect(() => setRoleLevel(doc, 'ui-design', 1.5, O)).toThrow(/minLevel/);
  });

  it('shows what a changed objective would change, and takes it only when asked, keeping the user’s roles', () => {
    const doc = project();
    acceptRequirements(doc, proposed, 'v1', O);
    addRole(doc, { skill: 'translation', label: 'Translation', minLevel: 0.5 }, O);
    const next = [proposed[0], { skill: 'market-entry', label: 'Market entry', level: 0.6, why: '“three countries”' }];
    const change = requirementsChange(readTeamPlan(doc).roles, next);
    expect(change.added.map((r) => r.skill)).toEqual(['market-entry']);
    expect(change.removed.map((r) => r.skill)).toEqual(['storytelling']);
    // nothing changed yet
    expect(readTeamPlan(doc).roles).toHaveLength(3);
    applyRequirementsChange(doc, change, 'v2', O);
    const plan = readTeamPlan(doc);
    expect(plan.roles.map((r) => r.skill)).toEqual(['ui-design', 'translation', 'market-entry']);
    expect(plan.basis).toBe('v2');
  });

  it('pins, bans and removed roles become a valid assembly request', () => {
    const doc = project();
    acceptRequirements(doc, proposed, 'v1', O);
    pinPerson(doc, 'p1', 'ui-design', O);
    pinPerson(doc, 'p2', undefined, O);
    pinPerson(doc, 'p3', 'ui-design', O); // takes the role from p1
    banPerson(doc, 'p2', O); // a ban lifts the pin
    expect(readTeamPlan(doc)).toMatchObject({ pinned: [{ personId: 'p3', roleId: 'ui-design' }], banned: ['p2'] });
    removeRole(doc, 'ui-design', O);
    const req = assemblyRequest(readTeamPlan(doc));
    expect(req).toEqual({ roles: [{ id: 'storytelling', skill: 'storytelling', minLevel: 0.5, label: 'Storytelling' }], pinned: ['p3'], banned: ['p2'] });
  });

  it('keeps the accepted team with who and when, and the one it replaced', () => {
    const doc = project();
    acceptTeam(doc, { members: [{ roleId: 'ui-design', personId: 'p1' }], score: 0.7, terms: { trust: 0.3 }, acceptedBy: 'Ana', acceptedAt: 1 }, O);
    acceptTeam(doc, { members: [{ roleId: 'ui-design', personId: 'p2' }], score: 0.6, terms: { trust: 0.2 }, acceptedBy: 'Ben', acceptedAt: 2 }, O);
    const plan = readTeamPlan(doc);
    expect(plan.accepted).toMatchObject({ acceptedBy: 'Ben', members: [{ personId: 'p2' }] });
    expect(plan.history.map((t) => t.acceptedBy)).toEqual(['Ana']);
    expect(() => acceptTeam(doc, { members: [], score: 0, terms: {}, acceptedBy: 'x' }, O)).toThrow(/members/);
  });

  it('reports a malformed record from a peer instead of using it', () => {
    const doc = project();
    doc.getMap('requirements').set('bad', { id: 'bad', skill: '', minLevel: 7 });
    expect(readTeamPlan(doc)).toMatchObject({ roles: [], invalid: ['requirement bad'] });
  });
});
