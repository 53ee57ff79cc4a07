import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './router';

describe('hash routes', () => {
  it('round-trips every view and a project', () => {
    for (const r of [{ view: 'people' }, { view: 'ties' }, { view: 'projects' }, { view: 'workspaces' }, { view: 'projects', projectId: 'pr-a b' }, { view: 'members' }, { view: 'members', memberKey: 'ab'.repeat(32) }] as const) expect(parseRoute(formatRoute(r))).toEqual(r);
    expect(formatRoute({ view: 'projects', projectId: 'x/y' })).toBe('#/projects/x%2Fy');
  });
  it('falls back to people for an unknown or empty hash', () => {
    expect(parseRoute('')).toEqual({ view: 'people' });
    expect(parseRoute('#/nope')).toEqual({ view: 'people' });
    expect(parseRoute('#/people/extra')).toEqual({ view: 'people' });
    expect(parseRoute('#/governance/extra')).toEqual({ view: 'governance' });
  });
});
