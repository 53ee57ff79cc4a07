import type { AttestationBody, FeedbackBody, ProfileBody } from '../../../../shared/identity/eventKinds';
import { signEventWith } from '../../../../shared/identity/keyStore';
import { PROFILE_FORMAT, ProfileFileSchema, verifyProfile, type ProfileFile, type ProfileReport } from '../../../../shared/identity/profile';
import { eventDigest, type SignedEvent } from '../../../../shared/identity/signedEvent';
import type { LedgerEntry } from '../../../../shared/model/docs/ledgerDoc';
import { readTeamPlan } from '../../../../shared/model/docs/projectTeam';
import { listProjects } from '../../../../shared/model/docs/workspaceDoc';
import type { Person } from '../../../../shared/model/network';
import { jsonPath } from '../../../../shared/model/validate';
import type { WorkspaceSession } from '../../session/workspaceSession';
import { appKeyStore } from './keyStore';

/**
 * Builds this member's portable profile (shared/identity/profile.ts): their name, the skills of the
 * person they are linked to, their work history from the projects' accepted teams, and every valid
 * feedback and attestation about their key, each still signed by its author. They sign it last.
 */
export async function buildMyProfile(options: { session: WorkspaceSession; me: string; name: string; person?: Person; entries: readonly LedgerEntry[] }): Promise<ProfileFile> {
  const { session, me, name, person, entries } = options;
  const items = entries
    .filter((e) => e.status === 'valid' && (e.event?.kind === 'feedback' || e.event?.kind === 'attestation') && (e.event.body as FeedbackBody | AttestationBody).subject === me)
    .map((e) => e.event as SignedEvent<'feedback' | 'attestation'>);
  const workHistory: ProfileBody['workHistory'] = [];
  if (person) {
    for (const project of listProjects(session.workspace.doc)) {
      const plan = readTeamPlan(await session.openProject(project.id));
      const labels = new Map(plan.roles.map((r) => [r.id, r.label]));
      for (const team of [...plan.history, ...(plan.accepted ? [plan.accepted] : [])]) {
        const seat = team.members.find((m) => m.personId === person.id);
        if (seat) workHistory.push({ project: project.name.slice(0, 200) || project.id, team: `${project.id}@${team.acceptedAt}`, role: (labels.get(seat.roleId) ?? seat.roleId).slice(0, 200), from: new Date(team.acceptedAt).toISOString(), to: null });
      }
    }
  }
  const claims = { name, skills: (person?.skills ?? []).map((s) => ({ skill: s.skill, level: s.level })), workHistory, items: items.map(eventDigest) };
  const profile = await signEventWith(appKeyStore(), 'profile', claims, new Date().toISOString());
  return { format: PROFILE_FORMAT, version: 1, profile, items };
}

export type ImportCheck =
  | { ok: true; file: ProfileFile; report: ProfileReport }
  | { ok: false; reason: string; report?: ProfileReport };

/**
 * Reads and verifies a profile file. Anything wrong rejects the whole file with the reason: text that
 * is not JSON, a malformed file (with the JSON path), or any signature or item that does not hold.
 */
export function checkProfileText(text: string): ImportCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `The file is not JSON: ${(e as Error).message}` };
  }
  const parsed = ProfileFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `The file is not a valid profile: ${jsonPath(issue.path)}: ${issue.message}` };
  }
  const report = verifyProfile(parsed.data);
  if (!report.valid) {
    const bad = report.items.find((i) => !i.valid)!;
    return { ok: false, reason: `Verification failed at ${bad.path} (${bad.kind}): ${bad.reason}`, report };
  }
  return { ok: true, file: parsed.data as ProfileFile, report };
}

export function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
