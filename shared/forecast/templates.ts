import { SEVERAL_COUNTRIES, SEVERAL_LANGUAGES } from './countries';
import type { PhaseId } from './phases';

/**
 * Objective templates: patterns of work we recognise, with the capabilities they need, at what
 * level, and in which phase. A template fires when one of its `when` patterns matches the objective
 * (lower-cased). Several can fire; their needs are merged.
 */
export interface ObjectiveTemplate {
  readonly id: string;
  readonly name: string;
  /** Patterns (or anything with RegExp's `exec`, such as SEVERAL_COUNTRIES). */
  readonly when: readonly { exec(text: string): { 0: string } | null }[];
  readonly needs: readonly { skill: string; level: number; phase: PhaseId }[];
  /**
   * A qualifier of the work (where, in which languages) rather than a kind of work: its needs are
   * kept before other templates' when the requirements are capped, since the objective states it.
   */
  readonly qualifier?: boolean;
}

const need = (skill: string, level: number, phase: PhaseId) => ({ skill, level, phase });

export const TEMPLATES: readonly ObjectiveTemplate[] = [
  {
    id: 'launch-product',
    name: 'launch a product',
    when: [/\blaunch\w*\b.*\bproduct/, /\bnew product\b/, /\bproduct launch\b/, /\bbring .* to market\b/],
    needs: [need('product-management', 0.6, 'strategy'), need('ux-research', 0.5, 'discover'), need('ui-design', 0.6, 'design'), need('prototyping', 0.5, 'design'), need('go-to-market', 0.6, 'launch'), need('marketing-strategy', 0.5, 'launch'), need('pricing-strategy', 0.5, 'strategy')],
  },
  {
    id: 'sustainable-product',
    name: 'make it sustainable',
    when: [/\bsustainab\w*/, /\bcircular\w*/, /\beco[- ]?\w*/, /\bgreen\b/, /\bregenerative\b/, /\blow[- ]carbon\b/, /\bzero[- ]waste\b/],
    needs: [need('circular-design', 0.6, 'design'), need('lifecycle-assessment', 0.6, 'validate'), need('regenerative-supply-chain', 0.5, 'build'), need('sustainable-sourcing', 0.5, 'build'), need('eco-certification', 0.5, 'validate'), need('sustainability-marketing', 0.5, 'launch')],
  },
  {
    id: 'regulated-market',
    name: 'enter a regulated market',
    when: [/\bregulat\w*/, /\bcomplian\w*/, /\blicen[cs]\w*/, /\bapproval\b/, /\bcertif\w*/, /\benter\w* .*\bmarket/],
    needs: [need('regulatory-affairs', 0.7, 'comply'), need('compliance-management', 0.6, 'comply'), need('contract-law', 0.5, 'comply'), need('market-research', 0.5, 'discover'), need('risk-management', 0.5, 'strategy'), need('localization', 0.4, 'launch')],
  },
  {
    id: 'campaign',
    name: 'run a campaign',
    when: [/\bcampaign\w*/, /\bawareness\b/, /\bmobili[sz]\w*/, /\bpetition\b/, /\bmovement\b/],
    needs: [need('campaign-strategy', 0.6, 'strategy'), need('storytelling', 0.6, 'design'), need('copywriting', 0.5, 'build'), need('social-media-marketing', 0.5, 'launch'), need('community-organizing', 0.5, 'grow'), need('data-analysis', 0.4, 'grow'), need('public-relations', 0.5, 'launch')],
  },
  {
    id: 'data-platform',
    name: 'build a data platform',
    when: [/\bdata (platform|warehouse|lake|infrastructure|pipeline)\w*/, /\banalytics platform\b/, /\bdashboards?\b/, /\betl\b/],
    needs: [need('data-engineering', 0.7, 'build'), need('cloud-infrastructure', 0.6, 'build'), need('data-governance', 0.6, 'comply'), need('data-analysis', 0.5, 'validate'), need('data-visualization', 0.5, 'launch'), need('systems-architecture', 0.6, 'design'), need('gdpr-compliance', 0.5, 'comply')],
  },
  {
    id: 'software-app',
    name: 'build software or an app',
    when: [/\bapp\b/, /\bapps\b/, /\bsaas\b/, /\bsoftware\b/, /\bweb ?site\b/, /\bplatform\b/, /\btool\b/],
    needs: [need('ux-research', 0.5, 'discover'), need('ui-design', 0.6, 'design'), need('frontend-development', 0.6, 'build'), need('backend-development', 0.6, 'build'), need('quality-assurance', 0.5, 'validate'), need('devops', 0.5, 'launch')],
  },
  {
    id: 'fundraise',
    name: 'raise funding',
    when: [/\braise\b/, /\bfund(ing|raise|raising)\b/, /\binvestors?\b/, /\bseed round\b/, /\bseries [ab]\b/, /\bgrants?\b/],
    needs: [need('fundraising', 0.6, 'fund'), need('financial-modeling', 0.6, 'fund'), need('pitch-writing', 0.5, 'fund'), need('corporate-law', 0.5, 'comply'), need('grant-writing', 0.4, 'fund')],
  },
  {
    id: 'community',
    name: 'build a community',
    when: [/\bcommunity\b/, /\bcommunities\b/, /\bmembers?hip\b/, /\bcooperative\b/, /\bco-?op\b/, /\bneighbou?rhood\b/],
    needs: [need('community-management', 0.6, 'grow'), need('facilitation', 0.6, 'discover'), need('community-organizing', 0.5, 'grow'), need('governance-design', 0.5, 'strategy'), need('network-weaving', 0.5, 'grow'), need('storytelling', 0.4, 'launch')],
  },
  {
    id: 'research-study',
    name: 'run a research study',
    when: [/\bstudy\b/, /\bresearch\b/, /\bexperiment\w*/, /\bevidence\b/, /\bpilot\b/],
    needs: [need('research-methods', 0.6, 'discover'), need('statistics', 0.6, 'validate'), need('experimental-design', 0.5, 'design'), need('survey-design', 0.5, 'design'), need('scientific-writing', 0.5, 'launch')],
  },
  {
    id: 'health-programme',
    name: 'run a health programme',
    when: [/\bhealth\w*/, /\bwellbeing\b/, /\bdisease\w*/, /\bvaccin\w*/, /\bepidemi\w*/],
    needs: [need('public-health', 0.6, 'discover'), need('health-policy', 0.5, 'strategy'), need('health-data', 0.5, 'build'), need('health-communication', 0.5, 'launch')],
  },
  {
    id: 'care-service',
    name: 'run a care service',
    when: [/\bclinics?\b/, /\bpatients?\b/, /\bcare\b/, /\bhospitals?\b/, /\bnursing\b/, /\bcare ?homes?\b/, /\bprimary care\b/],
    needs: [need('medicine', 0.6, 'build'), need('nursing', 0.6, 'build'), need('operations-management', 0.5, 'build'), need('patient-advocacy', 0.5, 'validate'), need('community-care', 0.4, 'grow')],
  },
  {
    id: 'health-product',
    name: 'build a health product',
    when: [/\bmedical devices?\b/, /\bmedtech\b/, /\bdigital health\b/, /\bhealth ?app\b/, /\bclinical trials?\b/, /\bdiagnostic\w*/, /\bdrugs?\b/, /\btherap\w*/],
    needs: [need('clinical-research', 0.6, 'validate'), need('medical-device-regulation', 0.6, 'comply'), need('digital-health', 0.5, 'build'), need('health-data', 0.5, 'build'), need('medical-writing', 0.4, 'comply')],
  },
  {
    id: 'financial-services',
    name: 'offer a financial service',
    when: [/\bfintech\b/, /\bpayments?\b/, /\bbank\w*/, /\blending\b/, /\bloans?\b/, /\binsur\w*/, /\bwallets?\b/, /\bcrypto\w*/],
    needs: [need('payments', 0.6, 'build'), need('financial-regulation', 0.6, 'comply'), need('compliance-management', 0.5, 'comply'), need('risk-management', 0.5, 'strategy'), need('security-engineering', 0.5, 'build')],
  },
  {
    id: 'localise',
    qualifier: true,
    name: 'translate or localise',
    when: [/\btranslat\w*/, /\blocali[sz]\w*/, /\bmultilingual\b/, /\b(several|many|multiple|two|three|four|five|six|ten|other) languages\b/, SEVERAL_LANGUAGES],
    needs: [need('translation', 0.6, 'build'), need('localization', 0.6, 'build'), need('cultural-mediation', 0.4, 'validate')],
  },
  {
    id: 'education-programme',
    name: 'create a learning programme',
    when: [/\bcourses?\b/, /\bcurricul\w*/, /\btraining\b/, /\bschools?\b/, /\blearn\w*/, /\beducat\w*/, /\bbootcamp\b/],
    needs: [need('curriculum-design', 0.6, 'design'), need('learning-experience-design', 0.5, 'design'), need('e-learning', 0.5, 'build'), need('training-delivery', 0.5, 'launch'), need('assessment-design', 0.5, 'validate')],
  },
  {
    id: 'event',
    name: 'organise an event',
    when: [/\bevents?\b/, /\bconference\b/, /\bfestival\b/, /\bsummit\b/, /\bhackathon\b/, /\bworkshops?\b/],
    needs: [need('event-management', 0.6, 'build'), need('facilitation', 0.5, 'launch'), need('partnerships', 0.5, 'fund'), need('budgeting', 0.5, 'strategy'), need('social-media-marketing', 0.4, 'launch')],
  },
  {
    id: 'media-production',
    name: 'produce a film, podcast or story',
    when: [/\bfilms?\b/, /\bdocumentar\w*/, /\bpodcasts?\b/, /\bvideos?\b/, /\bstor(y|ies|ytelling)\b/, /\bnarrative\b/],
    needs: [need('storytelling', 0.7, 'design'), need('scriptwriting', 0.5, 'design'), need('filmmaking', 0.6, 'build'), need('video-editing', 0.5, 'build'), need('audio-production', 0.4, 'build'), need('public-relations', 0.4, 'launch')],
  },
  {
    id: 'decarbonise',
    name: 'cut emissions',
    when: [/\bcarbon\b/, /\bnet[- ]zero\b/, /\bemissions?\b/, /\bclimate\b/, /\bdecarboni[sz]\w*/],
    needs: [need('carbon-accounting', 0.6, 'discover'), need('climate-strategy', 0.6, 'strategy'), need('energy-transition', 0.5, 'build'), need('esg-reporting', 0.5, 'validate'), need('lifecycle-assessment', 0.5, 'discover')],
  },
  {
    id: 'supply-chain',
    name: 'rework a supply chain',
    when: [/\bsupply[- ]chains?\b/, /\bsourcing\b/, /\bsuppliers?\b/, /\blogistics\b/, /\bmanufactur\w*/],
    needs: [need('supply-chain-management', 0.6, 'strategy'), need('procurement', 0.5, 'build'), need('traceability', 0.5, 'validate'), need('logistics', 0.5, 'build'), need('vendor-management', 0.5, 'build')],
  },
  {
    id: 'food-agriculture',
    name: 'work on food and farming',
    when: [/\bfarm\w*/, /\bfood\b/, /\bagricultur\w*/, /\bcrops?\b/, /\bsoil\b/],
    needs: [need('regenerative-agriculture', 0.6, 'build'), need('food-systems', 0.5, 'strategy'), need('soil-science', 0.5, 'discover'), need('food-safety-compliance', 0.5, 'comply'), need('supply-chain-management', 0.4, 'build')],
  },
  {
    id: 'ai-product',
    name: 'build with AI',
    when: [/\bai\b/, /\bmachine learning\b/, /\bml\b/, /\bllms?\b/, /\bmodels?\b/, /\bpredict\w*/],
    needs: [need('machine-learning', 0.7, 'build'), need('data-engineering', 0.5, 'build'), need('mlops', 0.5, 'launch'), need('data-ethics', 0.5, 'comply'), need('ai-regulation', 0.5, 'comply')],
  },
  {
    id: 'policy-advocacy',
    name: 'change a policy',
    when: [/\bpolic(y|ies)\b/, /\badvoca\w*/, /\blegislat\w*/, /\blobby\w*/, /\bgovernment\b/, /\bcity council\b/],
    needs: [need('public-policy', 0.6, 'strategy'), need('advocacy', 0.6, 'launch'), need('legal-research', 0.5, 'discover'), need('stakeholder-engagement', 0.5, 'grow'), need('communications', 0.5, 'launch')],
  },
  {
    id: 'hardware',
    name: 'make a physical device',
    when: [/\bdevices?\b/, /\bhardware\b/, /\biot\b/, /\bsensors?\b/, /\bwearables?\b/, /\brobot\w*/],
    needs: [need('industrial-design', 0.6, 'design'), need('electronics-engineering', 0.6, 'build'), need('embedded-systems', 0.6, 'build'), need('manufacturing-engineering', 0.5, 'build'), need('product-safety-compliance', 0.5, 'comply'), need('prototyping', 0.5, 'design')],
  },
  {
    id: 'expand-internationally',
    qualifier: true,
    name: 'work across several countries (market entry, regulation, localisation)',
    when: [/\binternational\w*/, /\bexpan(d|sion)\b/, /\bglobal\w*/, /\bnew (countries|markets|regions)\b/, /\bcross[- ]border\b/, SEVERAL_COUNTRIES],
    needs: [
      need('market-research', 0.6, 'discover'),
      need('regulatory-affairs', 0.6, 'comply'),
      need('localization', 0.6, 'launch'),
      need('cultural-mediation', 0.5, 'discover'),
      need('trade-compliance', 0.5, 'comply'),
      need('tax-law', 0.5, 'comply'),
      need('partnerships', 0.5, 'grow'),
    ],
  },
  {
    id: 'marketplace',
    name: 'run a marketplace or shop',
    when: [/\bmarketplace\b/, /\be-?commerce\b/, /\bonline (shop|store)\b/, /\bsell\w* online\b/],
    needs: [need('payments', 0.6, 'build'), need('growth-marketing', 0.6, 'launch'), need('customer-support', 0.5, 'grow'), need('consumer-protection', 0.5, 'comply'), need('logistics', 0.5, 'build')],
  },
  {
    id: 'impact',
    name: 'prove social impact',
    when: [/\bimpact\b/, /\bsocial enterprise\b/, /\bnon-?profit\b/, /\bngo\b/, /\bcharity\b/],
    needs: [need('impact-measurement', 0.6, 'validate'), need('impact-storytelling', 0.5, 'launch'), need('grant-writing', 0.5, 'fund'), need('social-entrepreneurship', 0.5, 'strategy')],
  },
];
