import { createRng } from '../util/rng';
import { STANDARD_DIMENSIONS, type FeedbackBody } from './eventKinds';
import { demoKeyPair } from './keys';
import { signProfile, type ProfileFile } from './profile';
import { signEvent, type SignedEvent } from './signedEvent';

const FIRST = ['Ana', 'Kofi', 'Mei', 'Tomás', 'Priya', 'Lars', 'Amara', 'Yusuf', 'Ines', 'Hiro'];
const LAST = ['Sousa', 'Mensah', 'Lin', 'García', 'Nair', 'Berg', 'Okafor', 'Demir', 'Costa', 'Sato'];
const ROLES = ['designer', 'engineer', 'researcher', 'facilitator', 'analyst'];
const PROJECT_TYPES = ['product sprint', 'research collaboration', 'community project', 'client engagement'];
const SKILLS = ['ui-design', 'user-research', 'systems-thinking', 'facilitation', 'data-analysis', 'circular-design'];
const COMMENTS = ['Clear and on time.', 'Asked the right questions early.', 'Needed reminders near the deadline.', 'Raised the bar for the whole team.', 'Kept everyone informed across time zones.'];

const iso = (dayOffset: number) => new Date(Date.UTC(2025, 0, 6) + dayOffset * 86_400_000).toISOString();

export interface DemoProfileOptions {
  seed: number;
  feedback?: number;
  attestations?: number;
}

/**
 * A deterministic sample profile: a person with skills and work history, feedback from several
 * colleagues and attestations, each signed by its author. Keys and content come from the seed.
 */
export function demoProfile({ seed, feedback = 6, attestations = 3 }: DemoProfileOptions): ProfileFile {
  const rng = createRng(seed);
  const subjectName = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const subject = demoKeyPair(`profile-seed-${seed}/subject`);
  const colleagues = Array.from({ length: 4 }, (_, i) => ({ name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`, key: demoKeyPair(`profile-seed-${seed}/colleague-${i}`) }));
  const projects = Array.from({ length: 3 }, (_, i) => ({ id: `project-${seed}-${i + 1}`, type: rng.pick(PROJECT_TYPES), role: rng.pick(ROLES), start: i * 90 }));
  const pool = [...SKILLS];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const skills = pool.slice(0, 4).map((skill) => ({ skill, level: Math.round((0.4 + rng.next() * 0.6) * 100) / 100 }));

  const items: SignedEvent<'feedback' | 'attestation'>[] = [];
  for (let i = 0; i < feedback; i++) {
    const project = projects[i % projects.length];
    const author = colleagues[i % colleagues.length];
    const dimensions: FeedbackBody['dimensions'] = {};
    for (const d of STANDARD_DIMENSIONS) dimensions[d] = { score: 2 + rng.int(4), scale: { min: 1, max: 5 }, comment: rng.pick(COMMENTS) };
    if (i % 2 === 0) dimensions['documentation'] = { score: 1 + rng.int(5), scale: { min: 1, max: 5 }, comment: rng.pick(COMMENTS) };
    items.push(
      signEvent(
        author.key,
        'feedback',
        {
          subject: subject.publicKey,
          engagement: { project: project.id, milestone: `m${1 + (i % 3)}` },
          context: { role: project.role, projectType: project.type, constraints: i % 3 === 0 ? ['async-first', 'fixed budget'] : ['tight deadline'] },
          dimensions,
        },
        iso(project.start + 30 + i),
      ),
    );
  }
  for (let i = 0; i < attestations; i++) {
    const author = colleagues[(i + 1) % colleagues.length];
    const claim =
      i % 2 === 0
        ? { type: 'worked-with' as const, project: projects[i % projects.length].id, role: projects[i % projects.length].role, from: iso(projects[i % projects.length].start), to: iso(projects[i % projects.length].start + 60) }
        : { type: 'skill' as const, skill: skills[i % skills.length].skill, level: skills[i % skills.length].level };
    items.push(signEvent(author.key, 'attestation', { subject: subject.publicKey, claim, comment: `${author.name} vouches from shared work.` }, iso(100 + i)));
  }
  const workHistory = projects.map((p) => ({ project: p.id, team: `${p.id}-team`, role: p.role, from: iso(p.start), to: iso(p.start + 60) }));
  return signProfile(subject, { name: subjectName, skills, workHistory }, items, iso(300));
}
