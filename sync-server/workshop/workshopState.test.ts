import { describe, expect, it } from 'vitest';
import { applyControl, castBallot, ControlSchema, initialState, publicView, tally } from './workshopState';

const opened = () => {
  const r = applyControl(initialState(), { action: 'vote-open', question: 'Which team?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }, 0);
  if (!r.ok) throw new Error(r.error);
  return r.state;
};

describe('workshop state', () => {
  it('counts one ballot per participant, a later one replacing the earlier', () => {
    let s = opened();
    for (const [who, option] of [['ana', 'a'], ['bo', 'a'], ['ana', 'b']] as const) {
      const r = castBallot(s, who, option);
      expect(r.ok).toBe(true);
      if (r.ok) s = r.state;
    }
    expect(tally(s.vote!)).toEqual({ a: 1, b: 1 });
    expect(publicView(s, 'ana').vote).toMatchObject({ mine: 'b', voters: 2, tally: { a: 1, b: 1 } });
    expect(JSON.stringify(publicView(s, 'ana'))).not.toContain('"bo"');
  });
  it('refuses a ballot with no open vote or for an unknown option, and accepting ends the vote', () => {
    expect(castBallot(initialState(), 'ana', 'a')).toEqual({ ok: false, status: 409, error: 'no vote is open' });
    expect(castBallot(opened(), 'ana', 'x')).toMatchObject({ ok: false, status: 404 });
    const accepted = applyControl(opened(), { action: 'accept', optionId: 'b' }, 5);
    expect(accepted).toMatchObject({ ok: true, state: { accepted: { optionId: 'b', label: 'B', votes: 0, at: 5 }, vote: { open: false } } });
    if (accepted.ok) expect(castBallot(accepted.state, 'ana', 'a')).toMatchObject({ ok: false, status: 409 });
  });
  it('a team configuration may carry its members, and the accepted one keeps them', () => {
    const team = { projectId: 'kettle', members: [{ roleId: 'r1', personId: 'p1' }, { roleId: 'r2', personId: 'p2' }] };
    const parsed = ControlSchema.parse({ action: 'vote-open', question: 'Which team?', options: [{ id: 'a', label: 'Team A: Ana, Bo', team }, { id: 'b', label: 'Team B' }] });
    const r = applyControl(initialState(), parsed, 0);
    const accepted = r.ok ? applyControl(r.state, { action: 'accept', optionId: 'a' }, 7) : r;
    expect(accepted).toMatchObject({ ok: true, state: { accepted: { optionId: 'a', label: 'Team A: Ana, Bo', votes: 0, at: 7, team } } });
    const other = r.ok ? applyControl(r.state, { action: 'accept', optionId: 'b' }, 7) : r;
    expect(other.ok && other.state.accepted).toEqual({ optionId: 'b', label: 'Team B', votes: 0, at: 7 });
    const bad = ControlSchema.safeParse({ action: 'vote-open', question: 'q', options: [{ id: 'a', label: 'A', team: { projectId: 'k', members: [] } }, { id: 'b', label: 'B' }] });
    expect(bad.error?.issues[0].path).toEqual(['options', 0, 'team', 'members']);
  });
  it('validates controls at the boundary, naming the field', () => {
    const bad = ControlSchema.safeParse({ action: 'follow', target: { route: 'javascript:alert(1)', selection: { personId: null, projectId: null }, viewport: null } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['target', 'route']);
    expect(ControlSchema.safeParse({ action: 'vote-open', question: 'q', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }).success).toBe(false);
    expect(ControlSchema.safeParse({ action: 'explode' }).success).toBe(false);
  });
  it('the timer runs from now for the given seconds; follow counts its moves', () => {
    const r = applyControl(initialState(), { action: 'timer', label: 'Exercise 2', seconds: 90 }, 1000);
    expect(r).toMatchObject({ ok: true, state: { timer: { label: 'Exercise 2', startedAt: 1000, endsAt: 91_000 } } });
    const target = { route: '#/graph', selection: { personId: null, projectId: null }, viewport: null };
    const f1 = applyControl(initialState(), { action: 'follow', target }, 0);
    const f2 = f1.ok ? applyControl(f1.state, { action: 'follow', target }, 0) : f1;
    expect(f2.ok && f2.state.follow?.seq).toBe(2);
  });
});
