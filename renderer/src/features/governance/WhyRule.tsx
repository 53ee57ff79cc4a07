import type { ObjectiveWeights } from '../../../../shared/assembly/objective';
import { DEFAULT_RISK_THRESHOLDS } from '../../../../shared/trust/riskAdvice';
import { weightsText } from './weightDocs';
import './governance.css';

const th = DEFAULT_RISK_THRESHOLDS;
const RULES = {
  team: 'The score is Σ weight × term over five terms (see Governance for what each does). These are the best-scoring teams where each role gets one person with its skill at or above the minimum level, no one fills two roles, pinned people are in, banned people are out and the rates stay within the budget.',
  person: 'This person fills the role in the best-scoring team under these weights: swapping in anyone else who qualifies lowers the score (the runner-up and the change are shown).',
  advice: `From your best trust path to them (the product of trust along it): rely on reputation at ≥ ${th.rely}; ask for an introduction when the last person on the path is trusted by you at ≥ ${th.introducerTrust} and trusts them at ≥ ${th.introducerTie}; use escrow otherwise.`,
} as const;

/** A small "why / rule" disclosure for a suggestion: the rule and the weights that produced it. */
export function WhyRule({ kind, weights, source }: { kind: keyof typeof RULES; weights?: ObjectiveWeights; source?: string }) {
  return (
    <details className="why-rule small" data-testid={`why-rule-${kind}`}>
      <summary>Rule</summary>
      <p>{RULES[kind]}</p>
      {weights && (
        <p data-testid="why-rule-weights">
          Weights: {weightsText(weights)}
          {source ? ` (${source})` : ''}.
        </p>
      )}
    </details>
  );
}
