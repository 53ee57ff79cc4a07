import { describe, expect, it } from 'vitest';
import { countriesIn } from './countries';
import { forecast } from './forecast';

const skills = (objective: string) => forecast(objective).requirements.map((r) => r.skill);
const base = 'Launch a sustainable product: a repairable, circular electric kettle';

describe('the forecast reads the qualifiers of an objective', () => {
  it('"in three countries" adds market entry, regulation and localisation, citing the phrase; the plain objective does not', () => {
    const wider = forecast(`${base} sold in three countries.`);
    for (const skill of ['market-research', 'regulatory-affairs', 'localization']) {
      const r = wider.requirements.find((x) => x.skill === skill);
      expect(r, skill).toBeDefined();
      expect(r!.why).toContain('in three countries');
    }
    const plain = skills(`${base}.`);
    for (const skill of ['market-research', 'regulatory-affairs', 'localization']) expect(plain).not.toContain(skill);
  });

  it('two named countries, "across 5 markets", "worldwide" and "multi-country" count too; one country does not', () => {
    expect(forecast(`${base} sold in Portugal and Spain.`).requirements.find((r) => r.skill === 'regulatory-affairs')!.why).toContain('portugal, spain');
    for (const q of ['across 5 markets', 'worldwide', 'as a multi-country pilot']) expect(skills(`${base} ${q}.`)).toContain('localization');
    expect(skills(`${base} sold in Portugal.`)).not.toContain('regulatory-affairs');
    expect(countriesIn('launch in new zealand, south   africa and kenya')).toEqual(['new zealand', 'south africa', 'kenya']);
  });

  it('two named languages ask for translation and localisation', () => {
    const f = forecast('Publish our training course in Spanish and Portuguese');
    expect(f.requirements.find((r) => r.skill === 'translation')!.why).toContain('spanish, portuguese');
  });
});
