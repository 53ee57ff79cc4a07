import * as Y from 'yjs';
import { z } from 'zod';
import type { ObjectiveWeights } from '../../assembly/objective';
import type { Pin, Role } from '../requirements';
import { parseOrThrow } from '../validate';

/**
 * The team half of a `project:<id>` document: the requirements the project has accepted, the
 * constraints on assembly (budget, pins, bans, weights) and the accepted team. All of it is project
 * data, shared and undoable like the objective; nothing here is recomputed behind the user's back.
 *
 * Layout (top-level types, created on first write; a document without them reads as empty, so no
 * schema migration is needed and older clients simply ignore them):
 * - `requirements`: Y.Map role id → RoleRecord (order kept in `order`);
 * - `plan`: Y.Map with `basis` (the objective text the forecast was taken from), `budget`, `weights`;
 * - `pinned`: Y.Map person id → role id, or '' to let the solver choose the role;
 * - `banned`: Y.Map person id → true;
 * - `accepted`: Y.Map with `team` (AcceptedTeam), and `history`: Y.Array of earlier accepted teams.
 */
export const RoleRecordSchema = z.object({
  id: z.string().min(1),
  skill: z.string().min(1),
  label: z.string().min(1),
  minLevel: z.number().min(0).max(1),
  why: z.string().optional(),
  order: z.number(),
  source: z.enum(['forecast', 'user']),
});
export type RoleRecord = z.infer<typeof RoleRecordSchema>;

const WeightsSchema = z.object({ coverage: z.number().min(0), trust: z.number().min(0), timezone: z.number().min(0), cost: z.number().min(0), availability: z.number().min(0) });

export const AcceptedTeamSchema = z.object({
  members: z.array(z.object({ roleId: z.string().min(1), personId: z.string().min(1) })).min(1),
  score: z.number(),
  terms: z.record(z.string(), z.number()),
  weights: WeightsSchema.optional(),
  acceptedBy: z.string().min(1),
  acceptedAt: z.number(),
});
export type AcceptedTeam = z.infer<typeof AcceptedTeamSchema>;

export interface TeamPlan {
  roles: RoleRecord[];
  /** The objective text that the accepted requirements came from, or null if none were accepted. */
  basis: string | null;
  budget: number | undefined;
  weights: ObjectiveWeights | undefined;
  pinned: { personId: string; roleId?: string }[];
  banned: string[];
  accepted: AcceptedTeam | null;
  history: AcceptedTeam[];
  /** Records from peers that failed validation: shown, never silently used. */
  invalid: string[];
}

const requirements = (doc: Y.Doc) => doc.getMap<unknown>('requirements');
const plan = (doc: Y.Doc) => doc.getMap<unknown>('plan');
const pinned = (doc: Y.Doc) => doc.getMap<string>('pinned');
const banned = (doc: Y.Doc) => doc.getMap<boolean>('banned');
const accepted = (doc: Y.Doc) => doc.getMap<unknown>('accepted');
const history = (doc: Y.Doc) => doc.getArray<unknown>('acceptedHistory');

export function readTeamPlan(doc: Y.Doc): TeamPlan {
  const invalid: string[] = [];
  const roles: RoleRecord[] = [];
  requirements(doc).forEach((value, key) => {
    const r = RoleRecordSchema.safeParse(value);
    if (r.success && r.data.id === key) roles.push(r.data);
    else invalid.push(`requirement ${key}`);
  });
  roles.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const budget = z.number().positive().safeParse(plan(doc).get('budget'));
  const weights = WeightsSchema.safeParse(plan(doc).get('weights'));
  const team = AcceptedTeamSchema.safeParse(accepted(doc).get('team'));
  if (accepted(doc).has('team') && !team.success) invalid.push('accepted team');
  const past = history(doc)
    .toArray()
    .flatMap((t) => {
      const p = AcceptedTeamSchema.safeParse(t);
      return p.success ? [p.data] : [];
    });
  const basis = plan(doc).get('basis');
  return {
    roles,
    basis: typeof basis === 'string' ? basis : null,
    budget: budget.success ? budget.data : undefined,
    weights: weights.success ? weights.data : undefined,
    pinned: [...pinned(doc).entries()].map(([personId, roleId]) => (roleId ? { personId, roleId } : { personId })).sort((a, b) => a.personId.localeCompare(b.personId)),
    banned: [...banned(doc).keys()].sort(),
    accepted: team.success ? team.data : null,
    history: past,
    invalid,
  };
}

/** The assembly request this plan stands for (the requirements file of DESIGN.md §3). */
export function assemblyRequest(p: TeamPlan): { roles: Role[]; budget?: number; pinned: Pin[]; banned: string[] } {
  const roleIds = new Set(p.roles.map((r) => r.id));
  return {
    roles: p.roles.map((r) => ({ id: r.id, skill: r.skill, minLevel: r.minLevel, label: r.label })),
    ...(p.budget !== undefined ? { budget: p.budget } : {}),
    // a pin on a role that was removed since becomes a role-less pin
    pinned: p.pinned.map((x) => (x.roleId && roleIds.has(x.roleId) ? { personId: x.personId, roleId: x.roleId } : x.personId)),
    banned: p.banned,
  };
}

/** A requirement as the forecast proposes it. */
export interface ProposedRequirement {
  skill: string;
  label: string;
  level: number;
  why: string;
}

/**
 * Replaces the requirements with the forecast's, remembering the objective they came from. Roles
 * are keyed by skill (a second role with the same skill gets `skill-2`).
 */
export function acceptRequirements(doc: Y.Doc, proposed: readonly ProposedRequirement[], objective: string, origin: unknown): void {
  doc.transact(() => {
    const map = requirements(doc);
    for (const key of [...map.keys()]) map.delete(key);
    const used = new Set<string>();
    proposed.forEach((r, i) => {
      let id = r.skill;
      for (let n = 2; used.has(id); n++) id = `${r.skill}-${n}`;
      used.add(id);
      map.set(id, parseOrThrow(RoleRecordSchema, { id, skill: r.skill, label: r.label, minLevel: r.level, why: r.why, order: i, source: 'forecast' }, 'requirement'));
    });
    plan(doc).set('basis', objective);
  }, origin);
}

export interface RequirementsChange {
  added: ProposedRequirement[];
  removed: RoleRecord[];
}

/** What the forecast of the current objective would add to, or take from, the accepted requirements. */
export function requirementsChange(roles: readonly RoleRecord[], proposed: readonly ProposedRequirement[]): RequirementsChange {
  const have = new Set(roles.map((r) => r.skill));
  const want = new Set(proposed.map((r) => r.skill));
  return { added: proposed.filter((r) => !have.has(r.skill)), removed: roles.filter((r) => r.source === 'forecast' && !want.has(r.skill)) };
}

/** Takes a forecast change into the accepted requirements: adds what is new, removes what the forecast dropped. User-added roles stay. */
export function applyRequirementsChange(doc: Y.Doc, change: RequirementsChange, objective: string, origin: unknown): void {
  doc.transact(() => {
    const map = requirements(doc);
    for (const r of change.removed) map.delete(r.id);
    let order = Math.max(-1, ...readTeamPlan(doc).roles.map((r) => r.order)) + 1;
    for (const r of change.added) {
      let id = r.skill;
      for (let n = 2; map.has(id); n++) id = `${r.skill}-${n}`;
      map.set(id, { id, skill: r.skill, label: r.label, minLevel: r.level, why: r.why, order: order++, source: 'forecast' } satisfies RoleRecord);
    }
    plan(doc).set('basis', objective);
  }, origin);
}

export function addRole(doc: Y.Doc, role: { skill: string; label: string; minLevel: number }, origin: unknown): string {
  const map = requirements(doc);
  let id = role.skill;
  for (let n = 2; map.has(id); n++) id = `${role.skill}-${n}`;
  const order = Math.max(-1, ...readTeamPlan(doc).roles.map((r) => r.order)) + 1;
  const record = parseOrThrow(RoleRecordSchema, { ...role, id, order, source: 'user' }, 'requirement');
  doc.transact(() => map.set(id, record), origin);
  return id;
}

export function setRoleLevel(doc: Y.Doc, roleId: string, minLevel: number, origin: unknown): void {
  const current = RoleRecordSchema.safeParse(requirements(doc).get(roleId));
  if (!current.success) throw new Error(`no requirement ${roleId}`);
  const next = parseOrThrow(RoleRecordSchema, { ...current.data, minLevel }, 'requirement');
  if (next.minLevel === current.data.minLevel) return;
  doc.transact(() => requirements(doc).set(roleId, next), origin);
}

export function removeRole(doc: Y.Doc, roleId: string, origin: unknown): void {
  doc.transact(() => {
    requirements(doc).delete(roleId);
    for (const [person, role] of pinned(doc).entries()) if (role === roleId) pinned(doc).set(person, '');
  }, origin);
}

/** Pins a person into the team (on `roleId`, or on whichever role fits), and lifts a ban on them. */
export function pinPerson(doc: Y.Doc, personId: string, roleId: string | undefined, origin: unknown): void {
  doc.transact(() => {
    // a role holds one person: an earlier pin on the same role gives way
    if (roleId) for (const [other, role] of pinned(doc).entries()) if (role === roleId && other !== personId) pinned(doc).delete(other);
    pinned(doc).set(personId, roleId ?? '');
    banned(doc).delete(personId);
  }, origin);
}

export function unpinPerson(doc: Y.Doc, personId: string, origin: unknown): void {
  doc.transact(() => pinned(doc).delete(personId), origin);
}

export function banPerson(doc: Y.Doc, personId: string, origin: unknown): void {
  doc.transact(() => {
    banned(doc).set(personId, true);
    pinned(doc).delete(personId);
  }, origin);
}

export function unbanPerson(doc: Y.Doc, personId: string, origin: unknown): void {
  doc.transact(() => banned(doc).delete(personId), origin);
}

export function setBudget(doc: Y.Doc, budget: number | undefined, origin: unknown): void {
  if (budget !== undefined) parseOrThrow(z.number().positive(), budget, 'budget');
  doc.transact(() => (budget === undefined ? plan(doc).delete('budget') : plan(doc).set('budget', budget)), origin);
}

export function setWeights(doc: Y.Doc, weights: ObjectiveWeights | undefined, origin: unknown): void {
  if (weights) parseOrThrow(WeightsSchema, weights, 'weights');
  doc.transact(() => (weights ? plan(doc).set('weights', weights) : plan(doc).delete('weights')), origin);
}

/** Saves the chosen team with who accepted it and when; the one it replaces goes to the history. */
export function acceptTeam(doc: Y.Doc, team: Omit<AcceptedTeam, 'acceptedAt'> & { acceptedAt?: number }, origin: unknown): void {
  const record = parseOrThrow(AcceptedTeamSchema, { ...team, acceptedAt: team.acceptedAt ?? Date.now() }, 'accepted team');
  doc.transact(() => {
    const previous = accepted(doc).get('team');
    if (previous) history(doc).push([previous]);
    accepted(doc).set('team', record);
  }, origin);
}

/** The project document's types that undo should track for this part. */
export const teamPlanScope = (doc: Y.Doc) => [requirements(doc), plan(doc), pinned(doc), banned(doc), accepted(doc), history(doc)];
