import type { CulturalProtocol } from './agreement';

/** Cultural protocols to start an agreement from. Each is a full protocol; parties edit from there. */
export const PROTOCOL_TEMPLATES: readonly (CulturalProtocol & { label: string; summary: string })[] = [
  {
    template: 'async-first-global',
    label: 'Async-first global',
    summary: 'Written by default; meetings only when the overlap allows, recorded for those who cannot come.',
    workingHours: { start: 9, end: 17 },
    languages: ['English'],
    responseTimeHours: 24,
    meetings: 'One optional 30-minute call a week inside the overlap window, recorded, with written notes within a day.',
    decisions: 'Proposals in writing; a decision stands after 48 hours without objection (lazy consensus).',
    codeOfConduct: 'Assume good faith across cultures and languages. No one is expected to answer outside their working hours.',
  },
  {
    template: 'overlap-heavy-sprint',
    label: 'Overlap-heavy product sprint',
    summary: 'Daily synchronous work in a shared window for a short, intense sprint.',
    workingHours: { start: 8, end: 18 },
    languages: ['English'],
    responseTimeHours: 2,
    meetings: 'Daily 15-minute stand-up and a shared focus block in the overlap window; demo at the end of each week.',
    decisions: 'The product lead decides after hearing the team in the stand-up; reversals are written down.',
    codeOfConduct: 'Protect the focus block. Speak up early about blockers; no blame for raising them.',
  },
  {
    template: 'research-collaboration',
    label: 'Research collaboration',
    summary: 'Long horizons, shared authorship and open data, with slower, deliberate decisions.',
    workingHours: { start: 10, end: 16 },
    languages: ['English'],
    responseTimeHours: 72,
    meetings: 'A fortnightly reading and progress meeting; ad hoc pairing sessions booked a week ahead.',
    decisions: 'Consensus among the principal investigators; authorship order agreed before writing (CRediT roles).',
    codeOfConduct: 'Credit every contribution. Data and code are shared within the team from the start.',
  },
  {
    template: 'community-volunteer',
    label: 'Community or volunteer',
    summary: 'People give their spare time: low pressure, flexible hours, inclusive decisions.',
    workingHours: { start: 18, end: 22 },
    languages: ['English', 'the local language'],
    responseTimeHours: 96,
    meetings: 'A monthly open call at alternating times so that every time zone is served; notes shared publicly.',
    decisions: 'Open proposals and a vote of active members; the quorum is a third of them.',
    codeOfConduct: 'Everyone is welcome. Rest is respected; stepping back is always fine and never needs a reason.',
  },
];

export function protocolFromTemplate(id: string): CulturalProtocol {
  const t = PROTOCOL_TEMPLATES.find((x) => x.template === id);
  if (!t) throw new RangeError(`unknown protocol template "${id}"`);
  const { label: _label, summary: _summary, ...protocol } = t;
  return structuredClone(protocol);
}
