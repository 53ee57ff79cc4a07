import { describe, expect, it } from 'vitest';
import type { TeamPlan } from '../../../../shared/model/docs/projectTeam';
import { exportFileName, projectExport, ProjectExportSchema } from './projectExport';

const plan: TeamPlan = {
  roles: [{ id: 'ui-design', skill: 'ui-design', label: 'UI design', minLevel: 0.6, why: 'an app', order: 0, source: 'forecast' }],
  basis: 'x',
  budget: 500,
  weights: undefined,
  pinned: [{ personId: 'a', roleId: 'ui-design' }],
  banned: ['b'],
  accepted: { members: [{ roleId: 'ui-design', personId: 'a' }], score: 0.8, terms: { coverage: 0.5, trust: 0.3 }, acceptedBy: 'Lea', acceptedAt: Date.UTC(2026, 0, 2) },
  history: [],
  invalid: [],
};

describe('project export', () => {
  it('has the name, objective, requirements, constraints and accepted team with names and roles, and reads back', () => {
    const out = projectExport({ id: 'pr-1', name: 'Kettle', objective: 'Launch', plan, people: [{ id: 'a', name: 'Amara', skills: [] }] });
    const back = ProjectExportSchema.parse(JSON.parse(JSON.stringify(out)));
    expect(back.requirements[0]).toMatchObject({ skill: 'ui-design', label: 'UI design', minLevel: 0.6 });
    expect(back.constraints).toEqual({ budget: 500, pinned: [{ personId: 'a', name: 'Amara', roleId: 'ui-design' }], banned: [{ personId: 'b' }] });
    expect(back.acceptedTeam).toMatchObject({ acceptedBy: 'Lea', acceptedAt: '2026-01-02T00:00:00.000Z', members: [{ role: 'UI design', name: 'Amara' }] });
  });
  it('says null when no team was accepted, and makes a safe file name', () => {
    expect(projectExport({ id: 'p', name: '', objective: '', plan: { ...plan, accepted: null }, people: [] }).acceptedTeam).toBeNull();
    expect(exportFileName('Circular kettle: launch/2026!')).toBe('circular-kettle-launch2026.json');
    expect(exportFileName('***')).toBe('project.json');
  });
});
