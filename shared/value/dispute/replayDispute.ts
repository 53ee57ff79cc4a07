import type { Dispute, DisputeEvent, DisputeEventType } from './disputeSchema';

/**
 * The dispute's escalation, replayed from a SET of events like the escrow ledger (same order:
 * instant, then type rank, then id; duplicates once; the earlier event wins a conflict and a later
 * one the rules no longer allow is rejected with its reason):
 *
 *  negotiation ──(the other party accepts a proposed split)──────────────▶ resolved (agreement)
 *      │ escalate, or negotiationDays pass
 *      ▼
 *  mediation ──(both parties accept one mediator; the mediator decides)──▶ resolved (mediator)
 *      │ escalate, or mediationDays pass
 *      ▼
 *  panel ──(a strict majority of the N panelists votes for one split)────▶ resolved (panel)
 *      │ panelDays pass
 *      ▼
 *  resolved by the votes cast (most votes; a tie or no vote: an equal split, odd unit released)
 *
 * Every split must settle exactly what was held. Deadlines are states, not events: with `now`,
 * a deadline at or before both `now` and the next event moves the dispute on at that instant.
 * The outcome names its resolver (`agreement:<id>`, the mediator's id, or `panel:<id>`), which
 * is the actor of the escrow ledger's resolve (see resolutionEvent).
 */
export type DisputeStage = 'negotiation' | 'mediation' | 'panel' | 'resolved';

export interface Split {
  release: number;
  refund: number;
}

export interface DisputeOutcome extends Split {
  by: 'agreement' | 'mediator' | 'panel' | 'panel-deadline';
  resolver: string;
  at: number;
}

export interface DisputeEntry {
  event: DisputeEvent;
  ms: number;
  applied: boolean;
  reason: string | undefined;
  stage: DisputeStage;
}

export interface DisputeState {
  stage: DisputeStage;
  stageSince: number;
  /** When the current step ends on its own (none once resolved). */
  deadline: number | undefined;
  proposals: { id: string; by: string; release: number; refund: number }[];
  /** Which mediator each party has accepted. */
  accepted: Record<string, string>;
  mediator: string | undefined;
  votes: Record<string, Split>;
  outcome: DisputeOutcome | undefined;
  history: DisputeEntry[];
  /** Stage changes made by a deadline passing, for the timeline. */
  deadlinesPassed: { stage: DisputeStage; at: number }[];
}

const RANK: Record<DisputeEventType, number> = { propose: 0, nominate: 1, 'accept-mediator': 2, accept: 3, decide: 4, vote: 5, escalate: 6 };
const DAY = 86_400_000;

function sameSplit(a: Split, b: Split) {
  return a.release === b.release && a.refund === b.refund;
}

export function replayDispute(d: Dispute, events: readonly DisputeEvent[], options: { now?: number } = {}): DisputeState {
  const byId = new Map<string, DisputeEvent>();
  const clashes = new Set<string>();
  for (const e of events) {
    if (e.dispute !== d.id) continue;
    const prior = byId.get(e.id);
    if (!prior) byId.set(e.id, e);
    else if (canonical(prior) !== canonical(e)) clashes.add(e.id);
  }
  const timed = [...byId.values()].map((event) => ({ event, ms: Date.parse(event.at) }));
  timed.sort((a, b) => a.ms - b.ms || RANK[a.event.type] - RANK[b.event.type] || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  const opened = Date.parse(d.openedAt);
  const s: DisputeState = {
    stage: 'negotiation',
    stageSince: opened,
    deadline: opened + d.negotiationDays * DAY,
    proposals: [],
    accepted: {},
    mediator: undefined,
    votes: {},
    outcome: undefined,
    history: [],
    deadlinesPassed: [],
  };
  const now = options.now;
  for (const { event, ms } of timed) {
    if (now !== undefined) passDeadlines(d, s, Math.min(ms, now));
    const reason = clashes.has(event.id) ? `conflicting versions of event ${event.id}, so neither is applied` : apply(d, s, event, ms);
    s.history.push({ event, ms, applied: reason === undefined, reason, stage: s.stage });
  }
  if (now !== undefined) passDeadlines(d, s, now);
  return s;
}

function canonical(e: DisputeEvent): string {
  return JSON.stringify(Object.entries(e).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function enter(d: Dispute, s: DisputeState, stage: DisputeStage, at: number) {
  s.stage = stage;
  s.stageSince = at;
  s.deadline = stage === 'mediation' ? at + d.mediationDays * DAY : stage === 'panel' ? at + d.panelDays * DAY : undefined;
}

function resolve(s: DisputeState, split: Split, by: DisputeOutcome['by'], resolver: string, at: number) {
  s.outcome = { release: split.release, refund: split.refund, by, resolver, at };
  s.stage = 'resolved';
  s.stageSince = at;
  s.deadline = undefined;
}

function passDeadlines(d: Dispute, s: DisputeState, ms: number) {
  while (s.deadline !== undefined && s.deadline <= ms) {
    const at = s.deadline;
    s.deadlinesPassed.push({ stage: s.stage, at });
    if (s.stage === 'negotiation') enter(d, s, 'mediation', at);
    else if (s.stage === 'mediation') enter(d, s, 'panel', at);
    else if (s.stage === 'panel') resolve(s, panelDefault(d, s), 'panel-deadline', `panel:${d.id}`, at);
  }
}

/** The split with the most votes cast; on a tie or with no votes, an equal split. */
export function panelDefault(d: Dispute, s: Pick<DisputeState, 'votes'>): Split {
  const counts = new Map<string, { split: Split; n: number }>();
  for (const v of Object.values(s.votes)) {
    const key = `${v.release}/${v.refund}`;
    counts.set(key, { split: v, n: (counts.get(key)?.n ?? 0) + 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  if (ranked.length && (ranked.length === 1 || ranked[0].n > ranked[1].n)) return ranked[0].split;
  const release = Math.ceil(d.held / 2);
  return { release, refund: d.held - release };
}

function apply(d: Dispute, s: DisputeState, e: DisputeEvent, ms: number): string | undefined {
  const party = e.actor === d.payer || e.actor === d.payee;
  const other = e.actor === d.payer ? d.payee : d.payer;
  const settles = (x: Split) => (x.release + x.refund === d.held ? undefined : `release ${x.release} + refund ${x.refund} must settle exactly the ${d.held} held`);
  if (s.stage === 'resolved') return `the dispute is already resolved (${s.outcome!.by})`;
  switch (e.type) {
    case 'propose': {
      if (!party) return `only a party may propose a split; ${e.actor} is not one`;
      if (s.stage !== 'negotiation') return `proposals are for the negotiation, and the dispute is in ${s.stage}`;
      const bad = settles(e);
      if (bad) return bad;
      s.proposals.push({ id: e.id, by: e.actor, release: e.release, refund: e.refund });
      return undefined;
    }
    case 'accept': {
      if (!party) return `only a party may accept a proposal; ${e.actor} is not one`;
      if (s.stage !== 'negotiation') return `the negotiation is over: the dispute is in ${s.stage}`;
      const p = s.proposals.find((x) => x.id === e.proposal);
      if (!p) return `no proposal ${e.proposal} to accept`;
      if (p.by === e.actor) return 'a party cannot accept their own proposal';
      resolve(s, p, 'agreement', `agreement:${d.id}`, ms);
      return undefined;
    }
    case 'escalate': {
      if (!party) return `only a party may escalate; ${e.actor} is not one`;
      if (s.stage === 'negotiation') enter(d, s, 'mediation', ms);
      else if (s.stage === 'mediation') enter(d, s, 'panel', ms);
      else return 'the panel is the last step';
      return undefined;
    }
    case 'nominate':
    case 'accept-mediator': {
      if (!party) return `only a party may ${e.type === 'nominate' ? 'nominate' : 'accept'} a mediator; ${e.actor} is not one`;
      if (s.stage !== 'mediation') return `mediators are chosen in mediation, and the dispute is in ${s.stage}`;
      if (s.mediator !== undefined) return `${s.mediator} is already the mediator`;
      if (!d.mediatorCandidates.includes(e.mediator)) return `${e.mediator} is not trusted by both parties (not among the suggested mediators)`;
      if (e.type === 'accept-mediator' && s.accepted[other] !== e.mediator) return `${e.mediator} was not nominated by ${other}`;
      s.accepted[e.actor] = e.mediator;
      if (s.accepted[d.payer] !== undefined && s.accepted[d.payer] === s.accepted[d.payee]) s.mediator = e.mediator;
      return undefined;
    }
    case 'decide': {
      if (s.stage !== 'mediation') return `only a mediation ends in a mediator's decision; the dispute is in ${s.stage}`;
      if (s.mediator === undefined) return 'no mediator has been accepted by both parties yet';
      if (e.actor !== s.mediator) return `only the mediator (${s.mediator}) may decide`;
      const bad = settles(e);
      if (bad) return bad;
      resolve(s, e, 'mediator', s.mediator, ms);
      return undefined;
    }
    case 'vote': {
      if (s.stage !== 'panel') return `votes are for the community panel; the dispute is in ${s.stage}`;
      if (!d.panel.includes(e.actor)) return `${e.actor} is not on the panel`;
      if (s.votes[e.actor]) return `${e.actor} has already voted`;
      const bad = settles(e);
      if (bad) return bad;
      s.votes[e.actor] = { release: e.release, refund: e.refund };
      const same = Object.values(s.votes).filter((v) => sameSplit(v, e)).length;
      if (same * 2 > d.panel.length) resolve(s, e, 'panel', `panel:${d.id}`, ms);
      return undefined;
    }
  }
}

/** Who may act now, and how, for the UI (forbidden actions are not offered). */
export function disputeActions(d: Dispute, s: DisputeState, person: string): DisputeEventType[] {
  const party = person === d.payer || person === d.payee;
  switch (s.stage) {
    case 'negotiation':
      return party ? (s.proposals.some((p) => p.by !== person) ? ['propose', 'accept', 'escalate'] : ['propose', 'escalate']) : [];
    case 'mediation':
      if (s.mediator !== undefined) return person === s.mediator ? ['decide'] : party ? ['escalate'] : [];
      return party ? ['nominate', 'accept-mediator', 'escalate'] : [];
    case 'panel':
      return d.panel.includes(person) && !s.votes[person] ? ['vote'] : [];
    case 'resolved':
      return [];
  }
}
