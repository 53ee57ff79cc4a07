import { normalisePhrase, stemPhrase, taxonomy, type SkillTaxonomy } from '../taxonomy/skillTaxonomy';
import { PHASE_OF_CATEGORY, PHASE_ORDER, PHASES, type PhaseId } from './phases';
import { TEMPLATES, type ObjectiveTemplate } from './templates';

export interface Requirement {
  skill: string;
  label: string;
  /** Suggested minimum level, 0..1. */
  level: number;
  /** Which words or which pattern led to it. */
  why: string;
  phase: PhaseId;
}

export interface PathwayPhase {
  id: PhaseId;
  name: string;
  capabilities: string[];
  dependsOn: PhaseId[];
}

export interface Forecast {
  requirements: Requirement[];
  pathway: PathwayPhase[];
  /** The templates that fired. */
  templates: string[];
}

export interface ForecastOptions {
  taxonomy?: SkillTaxonomy;
  templates?: readonly ObjectiveTemplate[];
  /** Cap on requirements (the most specific are kept: direct mentions, then templates, then related). Default 20. */
  max?: number;
}

const SENIORITY = /\b(expert|senior|world[- ]class|leading|experienced|top)\b/;
const MAX_PHRASE_WORDS = 5;

/**
 * Objective text → capability requirements and a phased pathway (a DAG), offline.
 *
 * 1. Direct mentions: any n-gram of the text that is a skill's label or synonym.
 * 2. Templates: patterns of work (launch a product, enter a regulated market, ...) with their needs.
 * 3. Fallback when neither found enough: the skills related (in the taxonomy) to what was mentioned,
 *    and single words that appear in skill labels.
 * Each requirement says why it is there.
 */
export function forecast(objective: string, options: ForecastOptions = {}): Forecast {
  const tax = options.taxonomy ?? taxonomy();
  const text = normalisePhrase(objective);
  if (!text) throw new RangeError('objective: the text is empty');
  const max = options.max ?? 20;
  const senior = SENIORITY.exec(text);
  const bump = senior ? 0.1 : 0;
  const found = new Map<string, Requirement>();
  const add = (skill: string, level: number, why: string, phase?: PhaseId, rank = 0) => {
    const s = tax.get(skill);
    if (!s) return;
    const lvl = Math.min(1, Math.round((level + bump) * 100) / 100);
    const existing = found.get(skill);
    if (existing) {
      existing.level = Math.max(existing.level, lvl);
      // a template knows when in the work the skill is needed; a bare mention does not
      if (phase && rank > 0 && (ranks.get(skill) ?? 0) === 0) existing.phase = phase;
      if (!existing.why.includes(why)) existing.why += `; ${why}`;
      return;
    }
    found.set(skill, { skill, label: s.label, level: lvl, why: senior ? `${why} (level raised: "${senior[0]}")` : why, phase: phase ?? PHASE_OF_CATEGORY[s.category] });
    ranks.set(skill, rank);
  };
  const ranks = new Map<string, number>();

  // 1. direct mentions, longest phrases first: the phrases as written, then, for the words still
  // unclaimed, their stems ("translators" names Translation)
  const words = text.split(' ');
  const covered = new Array<boolean>(words.length).fill(false);
  const mentions = (lookup: (phrase: string) => readonly string[] | undefined, minWordLength: number, why: (phrase: string, id: string) => string) => {
    for (let len = Math.min(MAX_PHRASE_WORDS, words.length); len >= 1; len--) {
      for (let i = 0; i + len <= words.length; i++) {
        if (covered.slice(i, i + len).some(Boolean)) continue;
        const phrase = words.slice(i, i + len).join(' ');
        if (len === 1 && phrase.length < minWordLength) continue;
        const ids = lookup(phrase);
        if (!ids) continue;
        for (let j = i; j < i + len; j++) covered[j] = true;
        for (const id of ids) add(id, 0.6, why(phrase, id), undefined, 0);
      }
    }
  };
  mentions((phrase) => tax.phrases.get(phrase), 3, (phrase) => `mentions "${phrase}"`);
  mentions((phrase) => tax.stems.get(stemPhrase(phrase)), 5, (phrase, id) => `mentions "${phrase}" (as ${tax.get(id)!.label})`);
  // 2. templates
  const fired: ObjectiveTemplate[] = [];
  for (const t of options.templates ?? TEMPLATES) {
    const match = t.when.map((re) => re.exec(text)).find(Boolean);
    if (!match) continue;
    fired.push(t);
    for (const nd of t.needs) add(nd.skill, nd.level, `pattern "${t.name}" (matched "${match[0]}")`, nd.phase, t.qualifier ? 0.5 : 1);
  }
  // 3. fallback
  if (found.size < 3) {
    const direct = [...found.keys()];
    for (const id of direct) {
      for (const rel of tax.get(id)?.related ?? []) add(rel, 0.5, `related to ${tax.get(id)!.label}`, undefined, 2);
    }
    for (const word of words) {
      if (word.length < 5) continue;
      for (const s of tax.skills) {
        if (s.label.toLowerCase().split(/\W+/).some((w) => w.length >= 5 && (w.startsWith(word) || word.startsWith(w)))) {
          add(s.id, 0.5, `the word "${word}" is close to ${s.label}`, undefined, 3);
        }
      }
    }
  }
  if (found.size === 0) {
    throw new RangeError('objective: no capability could be inferred; name the work (for example "launch a product") or a skill');
  }
  const requirements = [...found.values()]
    .sort((a, b) => ranks.get(a.skill)! - ranks.get(b.skill)! || PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase))
    .slice(0, max);
  return { requirements, pathway: buildPathway(requirements), templates: fired.map((t) => t.id) };
}

/** Phases that hold requirements, each depending on its nearest present ancestors (a DAG). */
export function buildPathway(requirements: readonly Requirement[]): PathwayPhase[] {
  const present = new Set(requirements.map((r) => r.phase));
  const nearest = (phase: PhaseId): PhaseId[] => {
    const out = new Set<PhaseId>();
    for (const dep of PHASES[phase].dependsOn as readonly PhaseId[]) {
      if (present.has(dep)) out.add(dep);
      else for (const d of nearest(dep)) out.add(d);
    }
    return [...out];
  };
  const deps = new Map(PHASE_ORDER.filter((p) => present.has(p)).map((p) => [p, nearest(p)]));
  const reaches = (from: PhaseId, to: PhaseId): boolean => (deps.get(from) ?? []).some((d) => d === to || reaches(d, to));
  return [...deps].map(([p, ds]) => ({
    id: p,
    name: PHASES[p].name,
    capabilities: requirements.filter((r) => r.phase === p).map((r) => r.skill),
    // transitive reduction: drop a dependency already implied by another
    dependsOn: ds.filter((d) => !ds.some((o) => o !== d && reaches(o, d))).sort((a, b) => PHASE_ORDER.indexOf(a) - PHASE_ORDER.indexOf(b)),
  }));
}
