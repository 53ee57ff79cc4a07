import { describe, expect, it } from 'vitest';
import { buildAssemblyIndex } from '../assembly/assemblyIndex';
import { generateNetwork } from '../demo/generateNetwork';
import { stem, taxonomy } from '../taxonomy/skillTaxonomy';
import { coverage } from './coverage';
import { forecast } from './forecast';
import { PHASE_ORDER } from './phases';
import { TEMPLATES } from './templates';

const skillsOf = (text: string) => forecast(text).requirements.map((r) => r.skill);

describe('forecast', () => {
  it('"launch a sustainable product" needs circular design, lifecycle assessment and regenerative supply chains', () => {
    expect(skillsOf('launch a sustainable product')).toEqual(expect.arrayContaining(['circular-design', 'lifecycle-assessment', 'regenerative-supply-chain']));
  });

  it('has at least 16 templates, all naming real skills', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(16);
    for (const t of TEMPLATES) for (const n of t.needs) expect(taxonomy().has(n.skill), `${t.id}: ${n.skill}`).toBe(true);
  });

  it.each([
    ['enter a regulated market in Germany', 'regulatory-affairs'],
    ['run a campaign for clean rivers', 'campaign-strategy'],
    ['build a data platform for our cooperatives', 'data-engineering'],
    ['raise a seed round', 'fundraising'],
    ['make a documentary about fishermen', 'filmmaking'],
  ])('recognises "%s"', (text, skill) => {
    expect(skillsOf(text)).toContain(skill);
  });

  it('says why each requirement is there', () => {
    const f = forecast('We need a senior storyteller');
    const story = f.requirements.find((r) => r.skill === 'storytelling')!;
    expect(story.why).toMatch(/mentions "storyteller"/);
    expect(story.level).toBeCloseTo(0.7, 9); // raised for "senior"
  });

  it('falls back to synonyms and related skills when no template matches', () => {
    const f = forecast('permaculture');
    expect(f.templates).toEqual([]);
    const skills = f.requirements.map((r) => r.skill);
    expect(skills).toContain('regenerative-agriculture');
    expect(f.requirements.some((r) => /related to/.test(r.why))).toBe(true);
  });

  it('reads word forms: people and verbs name the practice ("translators", "mobile app")', () => {
    const t = forecast('we need translators for the brochure').requirements.find((r) => r.skill === 'translation');
    expect(t?.why).toContain('mentions "translators" (as Translation)');
    expect(skillsOf('build a mobile app for farmers')).toContain('mobile-development');
    // stemming keeps "market" and "marketing" apart
    expect(skillsOf('enter a regulated market')).not.toContain('marketing-strategy');
    expect(stem('translate')).toBe(stem('translation'));
    expect(stem('translator')).toBe(stem('translation'));
    expect(stem('marketing')).not.toBe(stem('market'));
    expect(stem('apps')).toBe('app');
    expect(stem('process')).toBe('process');
    expect(stem('processes')).toBe('process');
  });

  it('recognises financial services, care services, health products and localisation as distinct work', () => {
    const fintech = skillsOf('raise a seed round for a fintech startup');
    expect(fintech).toEqual(expect.arrayContaining(['payments', 'financial-regulation', 'fundraising']));
    const clinic = skillsOf('open a community health clinic in a rural area');
    expect(clinic).toEqual(expect.arrayContaining(['medicine', 'nursing', 'public-health']));
    expect(clinic).not.toContain('medical-device-regulation'); // a clinic is not a device maker
    expect(skillsOf('get our diagnostic medical device approved')).toEqual(expect.arrayContaining(['medical-device-regulation', 'clinical-research']));
    const docs = skillsOf('translate our documentation into five languages');
    expect(docs).toEqual(expect.arrayContaining(['translation', 'localization', 'technical-writing']));
    expect(docs).not.toContain('nlp');
  });

  it('rejects text it cannot read', () => {
    expect(() => forecast('   ')).toThrow(/empty/);
    expect(() => forecast('zzz qqq')).toThrow(/no capability/);
  });

  it('the pathway is a DAG over the phases that hold requirements, without redundant edges', () => {
    for (const text of ['launch a sustainable product', 'enter a regulated market with a medical device', 'run a campaign']) {
      const f = forecast(text);
      const ids = f.pathway.map((p) => p.id);
      const all = f.pathway.flatMap((p) => p.capabilities).sort();
      expect(all).toEqual(f.requirements.map((r) => r.skill).sort());
      for (const p of f.pathway) {
        for (const d of p.dependsOn) {
          expect(ids).toContain(d);
          expect(PHASE_ORDER.indexOf(d)).toBeLessThan(PHASE_ORDER.indexOf(p.id)); // edges point back: acyclic
        }
      }
    }
    const launch = forecast('launch a sustainable product').pathway.find((p) => p.id === 'launch')!;
    expect(launch.dependsOn).toEqual(['validate']);
  });
});

describe('coverage', () => {
  it('counts qualified people, names the best, and flags gaps', () => {
    const net = generateNetwork({ people: 200, seed: 3 });
    const index = buildAssemblyIndex(net);
    const [skill, holders] = [...index.bySkill.entries()].find(([, h]) => h.people.length >= 3)!;
    const lines = coverage(index, [
      { skill, level: 0 },
      { skill, level: holders.levels[0] },
      { skill: 'not-a-skill', level: 0.2 },
    ]);
    expect(lines[0]).toMatchObject({ qualified: holders.people.length, status: 'ok' });
    expect(lines[0].best!.level).toBe(holders.levels[0]);
    expect(lines[1].qualified).toBeGreaterThanOrEqual(1);
    expect(lines[2]).toMatchObject({ qualified: 0, status: 'gap', best: undefined });
  });
});
