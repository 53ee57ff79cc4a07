/**
 * The curated skill taxonomy, written by us as data.
 *
 * One line per skill: `id | Label | synonyms (comma separated) | related ids (comma separated)`.
 * Relations are made symmetric by the loader (`skillTaxonomy.ts`), so each pair needs stating once.
 * Ids are stable: never rename one; add a synonym instead.
 */
export const SKILL_CATEGORIES = {
  design: `
ui-design | UI design | user interface design, interface designer, ui designer, visual interface | ux-research, interaction-design, design-systems, prototyping
ux-research | UX research | user research, usability research, user interviews | ui-design, usability-testing, service-design, ethnography
interaction-design | Interaction design | ixd, interaction designer | ui-design, prototyping, motion-design
design-systems | Design systems | component library design, style guide, pattern library | ui-design, frontend-development, accessibility-design
prototyping | Prototyping | rapid prototyping, mockups, wireframing, wireframes | ui-design, interaction-design, industrial-design
service-design | Service design | service blueprinting, customer journey design | ux-research, journey-mapping, systems-thinking
journey-mapping | Journey mapping | customer journey mapping, experience mapping | service-design, ux-research
visual-design | Visual design | graphic design, graphic designer, visual designer | brand-identity, typography, illustration
brand-identity | Brand identity design | branding, brand design, logo design | visual-design, brand-strategy
typography | Typography | type design, typesetting | visual-design, editorial-design
illustration | Illustration | illustrator, drawing | visual-design, animation
motion-design | Motion design | motion graphics, animation design | interaction-design, animation, video-editing
industrial-design | Industrial design | product design, physical product design | prototyping, circular-design, materials-science, cad-modeling
circular-design | Circular design | circular design thinking, circular design thinker, design for circularity, cradle to cradle, circular economy design | industrial-design, lifecycle-assessment, circular-economy, eco-design, materials-science
eco-design | Eco-design | ecodesign, sustainable design, green design | circular-design, lifecycle-assessment
cad-modeling | CAD modelling | cad, 3d modeling, solidworks, fusion 360 | industrial-design, mechanical-engineering
accessibility-design | Accessibility design | a11y, inclusive design, wcag | design-systems, ux-research, accessibility-compliance
packaging-design | Packaging design | package design, sustainable packaging | industrial-design, circular-design, visual-design
architecture-design | Architectural design | architect, building design | urban-planning, sustainable-building
urban-planning | Urban planning | city planning, urban design | architecture-design, community-organizing, mobility-planning
game-design | Game design | gamification, game designer | interaction-design, storytelling
design-thinking | Design thinking | human-centered design, human centred design, hcd | service-design, facilitation, systems-thinking
information-architecture | Information architecture | ia, content structure, navigation design | ux-research, content-strategy
exhibition-design | Exhibition design | spatial design, exhibit design | visual-design, architecture-design, curation
usability-testing | Usability testing | user testing, usability studies | ux-research, accessibility-design
service-prototyping | Service prototyping | experience prototyping, pilot design | service-design, prototyping
biomimicry | Biomimicry | nature-inspired design, bio-inspired design | circular-design, biology
`,
  engineering: `
frontend-development | Frontend development | front-end, frontend engineer, react, web ui development | design-systems, javascript, web-performance
backend-development | Backend development | back-end, server development, api development | api-design, databases, cloud-infrastructure
javascript | JavaScript and TypeScript | typescript, node.js, nodejs, js | frontend-development, backend-development
mobile-development | Mobile development | ios development, android development, app development, mobile apps | frontend-development, ui-design
api-design | API design | rest api, graphql, openapi | backend-development, systems-architecture
systems-architecture | Systems architecture | software architecture, solution architect | api-design, distributed-systems, cloud-infrastructure
distributed-systems | Distributed systems | replication, consensus, crdt | systems-architecture, backend-development
cloud-infrastructure | Cloud infrastructure | aws, azure, gcp, cloud engineering | devops, systems-architecture, data-engineering
devops | DevOps | ci/cd, continuous delivery, site reliability, sre | cloud-infrastructure, security-engineering
security-engineering | Security engineering | cybersecurity, infosec, application security, penetration testing | devops, privacy-engineering, cryptography
privacy-engineering | Privacy engineering | privacy by design, data protection engineering | security-engineering, gdpr-compliance
cryptography | Cryptography | encryption, digital signatures | security-engineering, blockchain-development
blockchain-development | Blockchain development | smart contracts, web3, solidity | cryptography, tokenomics
embedded-systems | Embedded systems | firmware, microcontrollers, iot devices | electronics-engineering, iot-engineering
iot-engineering | IoT engineering | internet of things, sensor networks, connected devices | embedded-systems, data-engineering
electronics-engineering | Electronics engineering | pcb design, circuit design, hardware engineering | embedded-systems, mechanical-engineering
mechanical-engineering | Mechanical engineering | mechanical design, mechatronics | cad-modeling, industrial-design, manufacturing-engineering
manufacturing-engineering | Manufacturing engineering | production engineering, lean manufacturing, process engineering | mechanical-engineering, supply-chain-management, quality-assurance
quality-assurance | Quality assurance | qa, software testing, test automation | devops, manufacturing-engineering
web-performance | Web performance | page speed, performance optimisation, performance optimization | frontend-development
databases | Databases | sql, postgresql, database administration | backend-development, data-engineering
robotics | Robotics | robot engineering, automation engineering | mechanical-engineering, embedded-systems, machine-learning
energy-systems-engineering | Energy systems engineering | renewable energy engineering, solar engineering, grid engineering | electronics-engineering, energy-transition
civil-engineering | Civil engineering | structural engineering, infrastructure engineering | architecture-design, sustainable-building
open-source-maintenance | Open source maintenance | open source, oss maintainer | community-management, devops
low-code-development | Low-code development | no-code, nocode, airtable, zapier | spreadsheet-modeling, process-automation
process-automation | Process automation | rpa, workflow automation | low-code-development, operations-management
game-development | Game development | unity, unreal engine | game-design, javascript
additive-manufacturing | Additive manufacturing | 3d printing, rapid manufacturing | prototyping, manufacturing-engineering
battery-engineering | Battery engineering | energy storage, battery systems | energy-systems-engineering, chemistry
`,
  data: `
data-engineering | Data engineering | etl, data pipelines, data platform engineering | databases, cloud-infrastructure, data-governance
data-analysis | Data analysis | data analyst, analytics, business intelligence, bi | statistics, data-visualization, spreadsheet-modeling
data-science | Data science | data scientist, predictive modelling, predictive modeling | machine-learning, statistics, data-analysis
machine-learning | Machine learning | ml, ai, artificial intelligence, deep learning | data-science, mlops, nlp
mlops | MLOps | model deployment, ml engineering | machine-learning, devops, data-engineering
nlp | Natural language processing | nlp, text mining, language models, llm | machine-learning, linguistics
computer-vision | Computer vision | image recognition, vision ai | machine-learning, robotics
statistics | Statistics | statistical analysis, biostatistics, econometrics | data-science, experimental-design
data-visualization | Data visualisation | data visualization, dataviz, dashboards, infographics | data-analysis, visual-design, data-journalism
data-governance | Data governance | data management, master data, data quality | data-engineering, gdpr-compliance, data-ethics
data-ethics | Data ethics | responsible ai, ai ethics, algorithmic fairness | data-governance, ai-regulation
geospatial-analysis | Geospatial analysis | gis, mapping, spatial analysis, remote sensing | data-analysis, climate-modeling, urban-planning
experimental-design | Experimental design | a/b testing, ab testing, experimentation | statistics, growth-marketing
network-analysis | Network analysis | social network analysis, graph analytics | data-science, community-management
spreadsheet-modeling | Spreadsheet modelling | excel modelling, spreadsheet modeling, excel | data-analysis, financial-modeling
survey-design | Survey design | questionnaires, survey research | statistics, ux-research, impact-measurement
operations-research | Operations research | optimisation, optimization, linear programming | statistics, logistics
data-journalism | Data journalism | computational journalism | data-visualization, journalism
web-analytics | Web analytics | google analytics, product analytics, tracking | data-analysis, growth-marketing
recommender-systems | Recommender systems | recommendation engines, personalisation | machine-learning, data-science
time-series-forecasting | Time-series forecasting | demand forecasting, forecasting | statistics, data-science, supply-chain-management
knowledge-graphs | Knowledge graphs | ontologies, semantic web, linked data | data-engineering, information-architecture
data-labeling | Data labelling | annotation, data labeling | machine-learning, quality-assurance
causal-inference | Causal inference | causal analysis, counterfactual analysis | statistics, impact-measurement
`,
  science: `
materials-science | Materials science | materials engineering, biomaterials, polymer science | circular-design, chemistry, industrial-design
chemistry | Chemistry | chemist, green chemistry, analytical chemistry | materials-science, toxicology
biology | Biology | biologist, molecular biology, life sciences | ecology, biotechnology
biotechnology | Biotechnology | biotech, synthetic biology, bioprocessing | biology, clinical-research
ecology | Ecology | ecologist, ecosystems, biodiversity science | biology, biodiversity-assessment, regenerative-agriculture
climate-science | Climate science | climatology, climate research | climate-modeling, ecology
climate-modeling | Climate modelling | climate modeling, earth system modelling | climate-science, geospatial-analysis, statistics
toxicology | Toxicology | chemical safety, hazard assessment | chemistry, product-safety-compliance
physics | Physics | physicist, applied physics | energy-systems-engineering, materials-science
soil-science | Soil science | soil health, agronomy | regenerative-agriculture, ecology
hydrology | Hydrology | water resources, water management | climate-science, civil-engineering
behavioral-science | Behavioural science | behavioral science, behavioural economics, nudging | psychology, ux-research
psychology | Psychology | psychologist, organisational psychology, organizational psychology | behavioral-science, coaching
anthropology | Anthropology | anthropologist | ethnography, cultural-mediation
ethnography | Ethnography | ethnographic research, field research | anthropology, ux-research
food-science | Food science | food technology, food technologist | chemistry, food-safety-compliance
neuroscience | Neuroscience | neuroscientist, cognitive science | psychology, biology
epidemiology | Epidemiology | epidemiologist, population health | statistics, public-health
research-methods | Research methods | academic research, research design, literature review | statistics, experimental-design
scientific-writing | Scientific writing | academic writing, paper writing, grant writing | research-methods, technical-writing
oceanography | Oceanography | marine science | climate-science, ecology
`,
  law: `
regulatory-affairs | Regulatory affairs | regulatory expert, regulatory specialist, regulatory strategy, regulator relations | compliance-management, product-safety-compliance, medical-device-regulation
compliance-management | Compliance management | compliance officer, regulatory compliance | regulatory-affairs, risk-management, audit
gdpr-compliance | Data protection law | gdpr, privacy law, data protection officer, dpo | privacy-engineering, data-governance, contract-law
contract-law | Contract law | contracts, contract drafting, commercial law | intellectual-property, negotiation
intellectual-property | Intellectual property | ip law, patents, trademarks, copyright | contract-law, licensing
licensing | Licensing | open source licensing, licensing agreements | intellectual-property, open-source-maintenance
corporate-law | Corporate law | company law, corporate governance, m&a | contract-law, fundraising
employment-law | Employment law | labour law, labor law, hr law | contract-law, people-operations
medical-device-regulation | Medical device regulation | mdr, fda approval, medical devices | regulatory-affairs, clinical-research
financial-regulation | Financial regulation | fintech regulation, banking regulation, mifid, aml | regulatory-affairs, compliance-management, payments
environmental-law | Environmental law | environmental regulation, environmental compliance | regulatory-affairs, esg-reporting
product-safety-compliance | Product safety compliance | ce marking, product certification, product safety | regulatory-affairs, toxicology, quality-assurance
food-safety-compliance | Food safety compliance | haccp, food regulation | food-science, regulatory-affairs
ai-regulation | AI regulation | ai act, algorithmic accountability | data-ethics, regulatory-affairs
public-policy | Public policy | policy analysis, policy advisor | regulatory-affairs, advocacy
advocacy | Advocacy | lobbying, public affairs, campaigning for policy | public-policy, campaign-strategy
dispute-resolution | Dispute resolution | mediation, arbitration, mediator, conflict resolution | negotiation, facilitation
tax-law | Tax law | tax advisory, international tax | accounting, corporate-law
trade-compliance | Trade compliance | customs, export controls, import regulation | supply-chain-management, regulatory-affairs
procurement-law | Public procurement | tenders, public tendering, procurement rules | contract-law, procurement
legal-research | Legal research | legal analysis, case law research | public-policy, contract-law
accessibility-compliance | Accessibility compliance | accessibility law, eaa, ada compliance | accessibility-design, regulatory-affairs
consumer-protection | Consumer protection law | consumer law, consumer rights | regulatory-affairs, contract-law
`,
  finance: `
financial-modeling | Financial modelling | financial modeling, financial forecasting, valuation | spreadsheet-modeling, fundraising, corporate-finance
corporate-finance | Corporate finance | cfo, treasury, capital allocation | financial-modeling, accounting
accounting | Accounting | bookkeeping, accountant, financial reporting | corporate-finance, tax-law, audit
audit | Audit | auditing, internal audit | accounting, compliance-management
fundraising | Fundraising | venture capital raising, investor relations, raising capital | financial-modeling, pitch-writing, corporate-law
grant-writing | Grant writing | grant applications, funding proposals | fundraising, scientific-writing
impact-investing | Impact investing | social finance, esg investing | fundraising, impact-measurement
risk-management | Risk management | risk assessment, enterprise risk | compliance-management, insurance
insurance | Insurance | underwriting, actuarial | risk-management
payments | Payments | payment systems, psp, billing | financial-regulation, backend-development
pricing-strategy | Pricing strategy | pricing, monetisation, monetization | business-strategy, financial-modeling
tokenomics | Tokenomics | token design, crypto economics | blockchain-development, economics
economics | Economics | economist, macroeconomics, microeconomics | statistics, pricing-strategy, public-policy
crowdfunding | Crowdfunding | kickstarter, community finance | fundraising, community-management
budgeting | Budgeting | budget planning, cost control | accounting, project-management
cost-accounting | Cost accounting | product costing, unit economics | accounting, manufacturing-engineering
carbon-accounting | Carbon accounting | ghg accounting, greenhouse gas accounting, emissions accounting, scope 3 | lifecycle-assessment, esg-reporting
procurement | Procurement | purchasing, sourcing, buyer | supply-chain-management, procurement-law
blended-finance | Blended finance | development finance, de-risking capital | impact-investing, public-policy
cooperative-economics | Cooperative economics | co-ops, cooperatives, solidarity economy | economics, governance-design
microfinance | Microfinance | microcredit, inclusive finance | impact-investing, economics
`,
  operations: `
project-management | Project management | project manager, pm, pmp, delivery management | agile-coaching, budgeting, program-management
program-management | Programme management | program management, portfolio management | project-management, business-strategy
agile-coaching | Agile coaching | scrum master, agile, kanban | project-management, facilitation
product-management | Product management | product manager, product owner, roadmapping | ux-research, business-strategy, go-to-market
business-strategy | Business strategy | strategy consulting, business planning, business model design | product-management, economics
supply-chain-management | Supply-chain management | supply chain, logistics management, scm | logistics, procurement, regenerative-supply-chain
regenerative-supply-chain | Regenerative supply-chain coordination | regenerative supply chain coordinator, regenerative sourcing, regenerative supply chains | supply-chain-management, regenerative-agriculture, circular-economy, traceability
traceability | Supply-chain traceability | traceability, chain of custody, supply chain transparency | regenerative-supply-chain, blockchain-development
logistics | Logistics | shipping, fulfilment, fulfillment, warehousing | supply-chain-management, operations-research
people-operations | People operations | hr, human resources, talent management | employment-law, recruiting
recruiting | Recruiting | talent acquisition, hiring, recruiter | people-operations
customer-support | Customer support | customer service, helpdesk, support operations | customer-success
customer-success | Customer success | account management, client success | customer-support, sales
sales | Sales | business development, b2b sales, selling | customer-success, negotiation
negotiation | Negotiation | deal making, negotiator | sales, dispute-resolution, contract-law
partnerships | Partnerships | strategic partnerships, alliances | business-strategy, negotiation
operations-management | Operations management | operations, ops, coo | project-management, logistics
process-improvement | Process improvement | lean, six sigma, continuous improvement | operations-management, manufacturing-engineering
event-management | Event management | event planning, conference organising, conference organizing | project-management, community-management
remote-team-operations | Remote team operations | distributed teams, remote work operations | people-operations, facilitation
vendor-management | Vendor management | supplier management, supplier relations | procurement, negotiation
it-administration | IT administration | sysadmin, it support | devops
circular-logistics | Reverse logistics | reverse logistics, take-back schemes, returns management | logistics, circular-economy
inventory-management | Inventory management | stock control, inventory planning | logistics, time-series-forecasting
`,
  marketing: `
brand-strategy | Brand strategy | brand positioning, branding strategy | brand-identity, marketing-strategy, storytelling
marketing-strategy | Marketing strategy | marketing plan, marketing lead, cmo | brand-strategy, go-to-market, growth-marketing
go-to-market | Go-to-market | gtm, product launch, launch strategy | marketing-strategy, product-management, sales
growth-marketing | Growth marketing | growth hacking, performance marketing, acquisition | web-analytics, experimental-design, paid-advertising
paid-advertising | Paid advertising | ppc, ads, media buying, sem | growth-marketing
seo | SEO | search engine optimisation, search engine optimization | content-strategy, web-analytics
content-strategy | Content strategy | content marketing, editorial strategy | copywriting, seo, storytelling
copywriting | Copywriting | copywriter, ad copy, marketing copy | content-strategy, storytelling
social-media-marketing | Social media marketing | social media, community marketing, instagram, tiktok | content-strategy, community-management
email-marketing | Email marketing | newsletters, crm marketing | growth-marketing, copywriting
public-relations | Public relations | pr, press relations, media relations | communications, journalism
communications | Communications | corporate communications, comms | public-relations, crisis-communication
crisis-communication | Crisis communication | reputation management | communications, public-relations
market-research | Market research | consumer research, customer insights, competitive analysis | ux-research, survey-design
campaign-strategy | Campaign strategy | campaign planning, campaigning, campaign | marketing-strategy, advocacy, mobilisation
influencer-marketing | Influencer marketing | creator partnerships | social-media-marketing, partnerships
cause-marketing | Cause marketing | purpose marketing, purpose-driven marketing | campaign-strategy, brand-strategy
localization | Localisation | localization, translation management, l10n | translation, marketing-strategy
translation | Translation | translator, interpreting | localization, linguistics
linguistics | Linguistics | linguist | translation, nlp
sustainability-marketing | Sustainability communication | green marketing, sustainability marketing | cause-marketing, esg-reporting
community-led-growth | Community-led growth | community led growth, ambassador programmes | community-management, growth-marketing
product-marketing | Product marketing | product marketer, positioning, messaging | go-to-market, marketing-strategy
`,
  storytelling: `
storytelling | Storytelling | storyteller, narrative design, narrative | copywriting, filmmaking, brand-strategy, journalism
journalism | Journalism | journalist, reporting, investigative journalism | storytelling, editing, data-journalism
editing | Editing | editor, copy editing, proofreading | journalism, editorial-design
editorial-design | Editorial design | magazine design, publication design | typography, editing
filmmaking | Filmmaking | film maker, documentary, documentary filmmaking, director | storytelling, video-editing, cinematography
video-editing | Video editing | video editor, post-production | filmmaking, motion-design
cinematography | Cinematography | camera operator, director of photography | filmmaking, photography
photography | Photography | photographer, photo | cinematography, visual-design
podcasting | Podcasting | podcast production, audio storytelling | audio-production, storytelling
audio-production | Audio production | sound design, sound engineering | podcasting, music-composition
music-composition | Music composition | composer, music production | audio-production
animation | Animation | animator, 2d animation, 3d animation | illustration, motion-design
technical-writing | Technical writing | documentation, technical writer, docs | scientific-writing, information-architecture
pitch-writing | Pitch writing | pitch decks, investor pitch | fundraising, storytelling, presentation-design
presentation-design | Presentation design | slide design, keynote | pitch-writing, visual-design
creative-direction | Creative direction | creative director, art direction | brand-identity, storytelling
scriptwriting | Scriptwriting | screenwriting, script writer | storytelling, filmmaking
curation | Curation | curator, exhibition curation | exhibition-design, storytelling
immersive-media | Immersive media | virtual reality, vr, augmented reality, ar, xr | game-design, 3d-visualization
3d-visualization | 3D visualisation | 3d rendering, visualisation, 3d visualization | cad-modeling, immersive-media
oral-history | Oral history | testimony collection, community storytelling | storytelling, ethnography
impact-storytelling | Impact storytelling | impact communication, impact narratives | storytelling, impact-measurement, sustainability-marketing
`,
  sustainability: `
lifecycle-assessment | Lifecycle assessment | lca, life cycle assessment, life-cycle analysis, lifecycle assessment analyst, environmental footprint | circular-design, carbon-accounting, eco-design
circular-economy | Circular economy strategy | circular economy, circularity, reuse, remanufacturing | circular-design, regenerative-supply-chain, waste-management
esg-reporting | ESG reporting | sustainability reporting, csrd, gri reporting, non-financial reporting | carbon-accounting, environmental-law, impact-measurement
impact-measurement | Impact measurement | social impact measurement, theory of change, m&e, monitoring and evaluation | esg-reporting, survey-design
regenerative-agriculture | Regenerative agriculture | regenerative farming, agroecology, permaculture | soil-science, regenerative-supply-chain, ecology
biodiversity-assessment | Biodiversity assessment | nature assessment, biodiversity net gain | ecology, esg-reporting
energy-transition | Energy transition | decarbonisation, decarbonization, net zero strategy | energy-systems-engineering, climate-strategy
climate-strategy | Climate strategy | climate action planning, science based targets, sbti | energy-transition, carbon-accounting
climate-adaptation | Climate adaptation | resilience planning, adaptation planning | climate-science, urban-planning
waste-management | Waste management | recycling, zero waste | circular-economy, logistics
sustainable-building | Sustainable building | green building, passive house, leed, breeam | architecture-design, civil-engineering, energy-transition
sustainable-sourcing | Sustainable sourcing | responsible sourcing, ethical sourcing | procurement, regenerative-supply-chain, traceability
water-stewardship | Water stewardship | water footprint | hydrology, esg-reporting
mobility-planning | Sustainable mobility | mobility planning, transport planning | urban-planning, energy-transition
nature-based-solutions | Nature-based solutions | rewilding, reforestation, restoration | ecology, climate-adaptation
carbon-markets | Carbon markets | carbon credits, offsetting | carbon-accounting, climate-strategy
environmental-justice | Environmental justice | climate justice | community-organizing, advocacy
eco-certification | Eco-certification | ecolabels, b corp certification, fair trade certification | esg-reporting, product-safety-compliance
sustainable-fashion | Sustainable fashion | textile circularity, slow fashion | circular-design, sustainable-sourcing
food-systems | Food systems | sustainable food systems, food sovereignty | regenerative-agriculture, food-science
material-passports | Material passports | digital product passport, dpp, product passports | circular-economy, traceability, lifecycle-assessment
circular-business-models | Circular business models | product as a service, repair business, rental models | circular-economy, business-strategy
`,
  health: `
clinical-research | Clinical research | clinical trials, clinical study design | medical-device-regulation, biotechnology, statistics
public-health | Public health | population health, health promotion | epidemiology, health-policy
health-policy | Health policy | healthcare policy | public-health, public-policy
nursing | Nursing | nurse, clinical care | patient-advocacy
medicine | Medicine | physician, doctor, clinician | clinical-research, nursing
mental-health | Mental health | counselling, counseling, therapy, therapist | psychology, wellbeing-programs
wellbeing-programs | Wellbeing programmes | wellbeing, employee wellbeing, wellness | mental-health, people-operations
digital-health | Digital health | healthtech, telemedicine, ehealth | medicine, mobile-development, health-data
health-data | Health data | health informatics, electronic health records, ehr | digital-health, data-governance
nutrition | Nutrition | dietitian, nutritionist | food-science, public-health
patient-advocacy | Patient advocacy | patient experience | nursing, advocacy
global-health | Global health | international health | public-health, humanitarian-response
humanitarian-response | Humanitarian response | emergency response, disaster relief, ngo operations | global-health, logistics
occupational-health | Occupational health and safety | ohs, health and safety, workplace safety | risk-management, people-operations
physiotherapy | Physiotherapy | physical therapy, rehabilitation | medicine
pharmacology | Pharmacology | pharmacist, drug development | biotechnology, clinical-research
health-economics | Health economics | health technology assessment, hta | economics, health-policy
medical-writing | Medical writing | regulatory writing, clinical writing | scientific-writing, clinical-research
caregiving | Caregiving | elder care, care work | nursing, community-care
community-care | Community health work | community health worker, community care | public-health, community-organizing
health-communication | Health communication | health literacy, patient education | public-health, communications
`,
  education: `
curriculum-design | Curriculum design | course design, instructional design, learning design | e-learning, assessment-design
e-learning | E-learning development | online courses, elearning, mooc, lms | curriculum-design, video-editing
teaching | Teaching | teacher, lecturing, instruction | curriculum-design, facilitation
training-delivery | Training delivery | corporate training, trainer, workshops delivery | teaching, facilitation
coaching | Coaching | executive coaching, coach, leadership coaching | mentoring, psychology
mentoring | Mentoring | mentor, mentorship | coaching, teaching
assessment-design | Assessment design | evaluation design, exam design | curriculum-design, survey-design
early-childhood-education | Early childhood education | preschool, early years | teaching
stem-education | STEM education | science education, steam | teaching, curriculum-design
adult-learning | Adult learning | andragogy, lifelong learning | training-delivery, curriculum-design
edtech | EdTech | education technology, learning platforms | e-learning, product-management
language-teaching | Language teaching | esl, tefl, language tutor | teaching, linguistics
special-education | Special education | sen, inclusive education | teaching, accessibility-design
learning-experience-design | Learning experience design | lxd, learning experience | curriculum-design, ux-research
peer-learning | Peer learning | cohort-based learning, learning circles | facilitation, community-management
knowledge-management | Knowledge management | organisational learning, knowledge sharing, wikis | information-architecture, technical-writing
leadership-development | Leadership development | leadership programmes, leadership programs | coaching, people-operations
vocational-training | Vocational training | apprenticeships, skills training | training-delivery, adult-learning
environmental-education | Environmental education | climate education, sustainability education | teaching, climate-science
facilitation-training | Facilitator training | train the trainer, facilitator development | training-delivery, facilitation
`,
  community: `
facilitation | Facilitation | facilitator, workshop facilitation, meeting facilitation | design-thinking, dispute-resolution, participatory-design
community-management | Community management | community manager, online community, community building | social-media-marketing, community-organizing
community-organizing | Community organising | community organizing, grassroots organising, organizer | community-management, mobilisation, advocacy
mobilisation | Mobilisation | volunteer mobilisation, mobilization, volunteer coordination | community-organizing, campaign-strategy
participatory-design | Participatory design | co-design, codesign, co-creation | facilitation, design-thinking
stakeholder-engagement | Stakeholder engagement | stakeholder management, public consultation | facilitation, public-policy
cultural-mediation | Cultural mediation | cross-cultural communication, intercultural facilitation, cultural broker | anthropology, translation, facilitation
governance-design | Governance design | sociocracy, holacracy, decision making processes | facilitation, cooperative-economics
conflict-transformation | Conflict transformation | peacebuilding, restorative practice, restorative justice | dispute-resolution, facilitation
systems-thinking | Systems thinking | systems mapping, complexity, systems change | design-thinking, service-design
network-weaving | Network weaving | network building, connector, ecosystem building | community-management, partnerships, network-analysis
volunteer-management | Volunteer management | volunteer programmes, volunteering | mobilisation, people-operations
indigenous-knowledge | Indigenous knowledge | traditional ecological knowledge, indigenous relations | cultural-mediation, ecology
youth-work | Youth work | youth engagement, youth worker | community-organizing, teaching
deliberative-democracy | Deliberative democracy | citizens assembly, citizens' assemblies, participatory budgeting | facilitation, public-policy
social-entrepreneurship | Social entrepreneurship | social enterprise, social venture | business-strategy, impact-measurement
philanthropy | Philanthropy | grantmaking, foundations | grant-writing, impact-investing
diversity-inclusion | Diversity, equity and inclusion | dei, diversity and inclusion, equity | people-operations, cultural-mediation
coworking-hosting | Community space hosting | coworking, space hosting, makerspace | event-management, community-management
trust-building | Trust building | relationship building, rapport | facilitation, network-weaving
community-research | Community-based research | participatory action research, citizen science | research-methods, community-organizing
mutual-aid | Mutual aid | mutual aid networks, solidarity networks | community-organizing, volunteer-management
intergenerational-dialogue | Intergenerational dialogue | elder-youth dialogue | facilitation, oral-history
`,
} as const;
