/**
 * TAX TABLE — ESTIMATES ONLY, NOT TAX ADVICE.
 *
 * Per country: the standard VAT/GST rate on services, the rate a payer in that country withholds
 * on fees for services paid to a NON-RESIDENT contractor, and what it withholds from a RESIDENT
 * individual contractor, each with its source (the tax authority's or the statute's page) and the
 * date from which that rate applies (`since`). Compiled from those sources in 2025; rates change,
 * treaties often reduce withholding, thresholds and exemptions are ignored, and services performed
 * wholly abroad are often not taxable at source at all. The app always labels figures from this
 * table as estimates and flags where a professional should look.
 *
 * `null` means "none in general" (no such tax on ordinary service fees), not "unknown": a country
 * that is missing from the table is the unknown case, and it is flagged.
 */
export interface SourcedRate {
  /** A fraction, e.g. 0.23 for 23%. */
  rate: number;
  source: string;
  /** ISO date from which this rate applies. */
  since: string;
  note?: string;
}

export interface CountryTax {
  country: string;
  name: string;
  currency: string;
  vat: (SourcedRate & { label: 'VAT' | 'GST' | 'consumption tax' | 'sales tax' }) | null;
  /** Withheld by a payer in this country on service fees to a non-resident contractor. */
  nonResidentWithholding: SourcedRate | null;
  /** Withheld by a payer in this country on fees to a resident individual contractor. */
  residentWithholding: SourcedRate | null;
  /** A form the payer needs from the contractor, and what is withheld without it. */
  taxForm?: { name: string; withoutForm: SourcedRate };
}

export const TAX_TABLE: readonly CountryTax[] = [
  {
    country: 'PT', name: 'Portugal', currency: 'EUR',
    vat: { label: 'VAT', rate: 0.23, source: 'https://info.portaldasfinancas.gov.pt/pt/informacao_fiscal/codigos_tributarios/civa_rep/Pages/iva18.aspx', since: '2011-01-01', note: 'mainland; Madeira 22%, Azores 16%' },
    nonResidentWithholding: { rate: 0.25, source: 'https://info.portaldasfinancas.gov.pt/pt/informacao_fiscal/codigos_tributarios/cirs_rep/Pages/irs71.aspx', since: '2015-01-01', note: 'CIRS art. 71' },
    residentWithholding: { rate: 0.23, source: 'https://info.portaldasfinancas.gov.pt/pt/informacao_fiscal/codigos_tributarios/cirs_rep/Pages/irs101.aspx', since: '2025-01-01', note: 'CIRS art. 101, category B professional income' },
  },
  {
    country: 'ES', name: 'Spain', currency: 'EUR',
    vat: { label: 'VAT', rate: 0.21, source: 'https://sede.agenciatributaria.gob.es/Sede/iva/calculo-iva-repercutido/tipos-impositivos.html', since: '2012-09-01' },
    nonResidentWithholding: { rate: 0.24, source: 'https://sede.agenciatributaria.gob.es/Sede/no-residentes/impuesto-sobre-renta-no-residentes.html', since: '2016-01-01', note: 'IRNR general rate; 19% for EU/EEA residents' },
    residentWithholding: { rate: 0.15, source: 'https://sede.agenciatributaria.gob.es/Sede/irpf/retenciones.html', since: '2016-01-01', note: 'IRPF professional activities; 7% in the first years' },
  },
  {
    country: 'FR', name: 'France', currency: 'EUR',
    vat: { label: 'VAT', rate: 0.2, source: 'https://www.impots.gouv.fr/professionnel/questions/quels-sont-les-taux-de-tva-en-vigueur-en-france-et-dans-lunion-europeenne', since: '2014-01-01' },
    nonResidentWithholding: { rate: 0.25, source: 'https://bofip.impots.gouv.fr/bofip/5767-PGP.html', since: '2022-01-01', note: 'CGI art. 182 B, services used in France' },
    residentWithholding: null,
  },
  {
    country: 'DE', name: 'Germany', currency: 'EUR',
    vat: { label: 'VAT', rate: 0.19, source: 'https://www.gesetze-im-internet.de/ustg_1980/__12.html', since: '2007-01-01' },
    nonResidentWithholding: { rate: 0.15825, source: 'https://www.gesetze-im-internet.de/estg/__50a.html', since: '2009-01-01', note: '§50a EStG: only artistic, sporting and licensing fees (15% + solidarity surcharge); ordinary services: none' },
    residentWithholding: null,
  },
  {
    country: 'IT', name: 'Italy', currency: 'EUR',
    vat: { label: 'VAT', rate: 0.22, source: 'https://www.agenziaentrate.gov.it/portale/web/guest/schede/imposte-indirette/iva', since: '2013-10-01' },
    nonResidentWithholding: { rate: 0.3, source: 'https://www.gazzettaufficiale.it/eli/id/1973/10/31/073U0600/sg', since: '1973-10-01', note: 'DPR 600/1973 art. 25: self-employment income of non-residents' },
    residentWithholding: { rate: 0.2, source: 'https://www.gazzettaufficiale.it/eli/id/1973/10/31/073U0600/sg', since: '1973-10-01', note: 'ritenuta d’acconto, DPR 600/1973 art. 25' },
  },
  {
    country: 'NL', name: 'Netherlands', currency: 'EUR',
    vat: { label: 'VAT', rate: 0.21, source: 'https://www.belastingdienst.nl/wps/wcm/connect/bldcontenten/belastingdienst/business/vat/vat_in_the_netherlands/calculating_vat/vat_rates', since: '2012-10-01' },
    nonResidentWithholding: null,
    residentWithholding: null,
  },
  {
    country: 'IE', name: 'Ireland', currency: 'EUR',
    vat: { label: 'VAT', rate: 0.23, source: 'https://www.revenue.ie/en/vat/vat-rates/search-vat-rates/current-vat-rates.aspx', since: '2012-01-01' },
    nonResidentWithholding: null,
    residentWithholding: { rate: 0.2, source: 'https://www.revenue.ie/en/tax-professionals/tdm/income-tax-capital-gains-tax-corporation-tax/part-18/18-01-01.pdf', since: '2001-01-01', note: 'professional services withholding tax, only when the payer is an accountable person' },
  },
  {
    country: 'GB', name: 'United Kingdom', currency: 'GBP',
    vat: { label: 'VAT', rate: 0.2, source: 'https://www.gov.uk/guidance/rates-of-vat-on-different-goods-and-services', since: '2011-01-04' },
    nonResidentWithholding: null,
    residentWithholding: null,
  },
  {
    country: 'SE', name: 'Sweden', currency: 'SEK',
    vat: { label: 'VAT', rate: 0.25, source: 'https://www.skatteverket.se/foretag/moms/saljavarorochtjanster/momssatspavarorochtjanster.4.58d555751259e4d66168000409.html', since: '1990-07-01' },
    nonResidentWithholding: null,
    residentWithholding: { rate: 0.3, source: 'https://www.skatteverket.se/foretag/skatterochavdrag/fskattochfaskatt.4.18e1b10334ebe8bc80001763.html', since: '2009-01-01', note: 'preliminary tax when the contractor has no F-tax approval' },
  },
  {
    country: 'PL', name: 'Poland', currency: 'PLN',
    vat: { label: 'VAT', rate: 0.23, source: 'https://www.podatki.gov.pl/vat/', since: '2011-01-01' },
    nonResidentWithholding: { rate: 0.2, source: 'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU19910800350', since: '2011-01-01', note: 'PIT art. 29: consulting, accounting, advertising and similar intangible services' },
    residentWithholding: null,
  },
  {
    country: 'CH', name: 'Switzerland', currency: 'CHF',
    vat: { label: 'VAT', rate: 0.081, source: 'https://www.estv.admin.ch/estv/en/home/value-added-tax/vat-rates-switzerland.html', since: '2024-01-01' },
    nonResidentWithholding: null,
    residentWithholding: null,
  },
  {
    country: 'US', name: 'United States', currency: 'USD',
    vat: null,
    nonResidentWithholding: { rate: 0.3, source: 'https://www.irs.gov/individuals/international-taxpayers/nra-withholding', since: '1986-10-22', note: 'only on US-source income (work performed in the US); treaties reduce it; work done abroad: usually none with a W-8BEN' },
    residentWithholding: null,
    taxForm: { name: 'W-9 (US persons) or W-8BEN (foreign persons)', withoutForm: { rate: 0.24, source: 'https://www.irs.gov/businesses/small-businesses-self-employed/backup-withholding', since: '2018-01-01', note: 'backup withholding' } },
  },
  {
    country: 'CA', name: 'Canada', currency: 'CAD',
    vat: { label: 'GST', rate: 0.05, source: 'https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/gst-hst-businesses/charge-collect-which-rate/calculator.html', since: '2008-01-01', note: 'federal GST; HST provinces 13–15%' },
    nonResidentWithholding: { rate: 0.15, source: 'https://www.canada.ca/en/revenue-agency/services/tax/international-non-residents/payments-non-residents/regulation-105-withholding.html', since: '1997-01-01', note: 'Regulation 105, services rendered in Canada' },
    residentWithholding: null,
  },
  {
    country: 'MX', name: 'Mexico', currency: 'MXN',
    vat: { label: 'VAT', rate: 0.16, source: 'https://www.diputados.gob.mx/LeyesBiblio/pdf/LIVA.pdf', since: '2010-01-01' },
    nonResidentWithholding: { rate: 0.25, source: 'https://www.diputados.gob.mx/LeyesBiblio/pdf/LISR.pdf', since: '2014-01-01', note: 'LISR art. 156, independent personal services rendered in Mexico' },
    residentWithholding: { rate: 0.1, source: 'https://www.diputados.gob.mx/LeyesBiblio/pdf/LISR.pdf', since: '2014-01-01', note: 'LISR art. 106, when the payer is a company' },
  },
  {
    country: 'BR', name: 'Brazil', currency: 'BRL',
    vat: null,
    nonResidentWithholding: { rate: 0.15, source: 'https://www.gov.br/receitafederal/pt-br', since: '2000-01-01', note: 'IRRF on technical services paid abroad (25% to tax havens); also CIDE/PIS/COFINS-import — get advice' },
    residentWithholding: { rate: 0.015, source: 'https://www.gov.br/receitafederal/pt-br', since: '2000-01-01', note: 'IRRF on professional services paid by companies' },
  },
  {
    country: 'JP', name: 'Japan', currency: 'JPY',
    vat: { label: 'consumption tax', rate: 0.1, source: 'https://www.nta.go.jp/english/taxes/consumption_tax/01.htm', since: '2019-10-01' },
    nonResidentWithholding: { rate: 0.2042, source: 'https://www.nta.go.jp/english/taxes/withholding/index.htm', since: '2013-01-01', note: 'incl. the reconstruction surtax; services rendered in Japan' },
    residentWithholding: { rate: 0.1021, source: 'https://www.nta.go.jp/taxes/shiraberu/taxanswer/gensen/2795.htm', since: '2013-01-01', note: 'up to ¥1M per payment; 20.42% above' },
  },
  {
    country: 'SG', name: 'Singapore', currency: 'SGD',
    vat: { label: 'GST', rate: 0.09, source: 'https://www.iras.gov.sg/taxes/goods-services-tax-(gst)/basic-concepts/current-gst-rates', since: '2024-01-01' },
    nonResidentWithholding: { rate: 0.15, source: 'https://www.iras.gov.sg/taxes/withholding-tax/payments-that-require-withholding-tax/services', since: '2005-01-01', note: 'non-resident professionals: 15% of gross (or 24% of net); work done in Singapore' },
    residentWithholding: null,
  },
  {
    country: 'AU', name: 'Australia', currency: 'AUD',
    vat: { label: 'GST', rate: 0.1, source: 'https://www.ato.gov.au/businesses-and-organisations/gst-excise-and-indirect-taxes/gst', since: '2000-07-01' },
    nonResidentWithholding: null,
    residentWithholding: null,
    taxForm: { name: 'ABN', withoutForm: { rate: 0.47, source: 'https://www.ato.gov.au/businesses-and-organisations/hiring-and-paying-your-workers/payg-withholding/payments-you-need-to-withhold-from/payments-to-businesses/no-abn-withholding', since: '2017-07-01', note: 'no-ABN withholding' } },
  },
  {
    country: 'NZ', name: 'New Zealand', currency: 'NZD',
    vat: { label: 'GST', rate: 0.15, source: 'https://www.ird.govt.nz/gst', since: '2010-10-01' },
    nonResidentWithholding: { rate: 0.15, source: 'https://www.ird.govt.nz/roles/non-resident-contractors', since: '2017-04-01', note: 'non-resident contractors tax (20% without a tax code)' },
    residentWithholding: { rate: 0.2, source: 'https://www.ird.govt.nz/income-tax/withholding-taxes/schedular-payments', since: '2017-04-01', note: 'schedular payments, standard rate' },
  },
  {
    country: 'IN', name: 'India', currency: 'INR',
    vat: { label: 'GST', rate: 0.18, source: 'https://cbic-gst.gov.in/gst-goods-services-rates.html', since: '2017-07-01', note: 'most services' },
    nonResidentWithholding: { rate: 0.2, source: 'https://incometaxindia.gov.in/pages/acts/income-tax-act.aspx', since: '2020-04-01', note: 's.195 with s.115A on fees for technical services, plus surcharge and cess' },
    residentWithholding: { rate: 0.1, source: 'https://incometaxindia.gov.in/pages/acts/income-tax-act.aspx', since: '2020-04-01', note: 's.194J professional fees' },
    taxForm: { name: 'PAN', withoutForm: { rate: 0.2, source: 'https://incometaxindia.gov.in/pages/acts/income-tax-act.aspx', since: '2010-04-01', note: 's.206AA' } },
  },
  {
    country: 'ZA', name: 'South Africa', currency: 'ZAR',
    vat: { label: 'VAT', rate: 0.15, source: 'https://www.sars.gov.za/types-of-tax/value-added-tax/', since: '2018-04-01' },
    nonResidentWithholding: null,
    residentWithholding: null,
  },
  {
    country: 'KE', name: 'Kenya', currency: 'KES',
    vat: { label: 'VAT', rate: 0.16, source: 'https://www.kra.go.ke/individual/filing-paying/types-of-taxes/value-added-tax', since: '2021-01-01' },
    nonResidentWithholding: { rate: 0.2, source: 'https://www.kra.go.ke/individual/filing-paying/types-of-taxes/withholding-tax', since: '2015-01-01', note: 'management or professional fees' },
    residentWithholding: { rate: 0.05, source: 'https://www.kra.go.ke/individual/filing-paying/types-of-taxes/withholding-tax', since: '2015-01-01', note: 'management or professional fees' },
  },
  {
    country: 'NG', name: 'Nigeria', currency: 'NGN',
    vat: { label: 'VAT', rate: 0.075, source: 'https://www.firs.gov.ng/value-added-tax', since: '2020-02-01' },
    nonResidentWithholding: { rate: 0.1, source: 'https://www.firs.gov.ng/withholding-tax', since: '2024-07-01', note: 'professional and consultancy services' },
    residentWithholding: { rate: 0.05, source: 'https://www.firs.gov.ng/withholding-tax', since: '2024-07-01', note: 'professional services to individuals under the 2024 regulations (10% companies)' },
  },
];

const BY_COUNTRY = new Map(TAX_TABLE.map((c) => [c.country, c]));

/** The table's row for an ISO 3166-1 alpha-2 code, or undefined when the table does not know it. */
export function taxFor(country: string | undefined): CountryTax | undefined {
  return country ? BY_COUNTRY.get(country.toUpperCase()) : undefined;
}
