import { taxFor, type SourcedRate } from './taxTable';

/**
 * A tax ESTIMATE for one payment from a payer to a member, from the documented table (taxTable.ts).
 * Rules of thumb, stated so the numbers can be checked:
 * - Withholding is the payer's country's: its non-resident rate when the member lives elsewhere,
 *   its resident rate otherwise; when the payer's country needs a form from the member and it is
 *   missing, the rate without the form applies if it is higher.
 * - VAT/GST: at home, the member charges their country's rate on top; across borders (B2B), the
 *   payer usually accounts for it under the reverse charge at the payer's country's rate.
 * Every result says `estimate: true`, and the flags say where a professional should look.
 */
export type TaxFlagCode = 'missing-tax-form' | 'unknown-rate' | 'cross-border';

export interface TaxFlag {
  code: TaxFlagCode;
  message: string;
}

export interface TaxLine extends SourcedRate {
  amount: number;
  /** Who pays or accounts for it. */
  by: 'payer withholds' | 'member charges' | 'payer reverse-charges';
}

export interface TaxEstimate {
  estimate: true;
  /** Minor units of the payment's currency. */
  gross: number;
  withholding: TaxLine | null;
  vat: (TaxLine & { label: string }) | null;
  /** What the member receives: gross − withholding (VAT is on top, not deducted). */
  net: number;
  flags: TaxFlag[];
}

export interface TaxInput {
  /** Minor units. */
  amount: number;
  payerCountry: string | undefined;
  memberCountry: string | undefined;
  /** Forms the member has provided, by name as in the table (e.g. "W-9", "ABN", "PAN"). */
  forms?: readonly string[];
}

export function estimateTax(input: TaxInput): TaxEstimate {
  if (!Number.isSafeInteger(input.amount) || input.amount < 0) throw new RangeError('amount must be a non-negative integer in minor units');
  const flags: TaxFlag[] = [];
  const payer = taxFor(input.payerCountry);
  const member = taxFor(input.memberCountry);
  if (!payer) flags.push({ code: 'unknown-rate', message: `no documented rates for the payer's country (${input.payerCountry ?? 'not set'}): withholding unknown` });
  if (!member) flags.push({ code: 'unknown-rate', message: `no documented rates for the member's country (${input.memberCountry ?? 'not set'}): VAT/GST unknown` });
  const crossBorder = !!input.payerCountry && !!input.memberCountry && input.payerCountry.toUpperCase() !== input.memberCountry.toUpperCase();
  if (crossBorder)
    flags.push({
      code: 'cross-border',
      message: `cross-border engagement (${input.payerCountry} → ${input.memberCountry}): check the tax treaty, where the work is performed, and VAT reverse-charge registration`,
    });
  const line = (rate: SourcedRate, by: TaxLine['by']): TaxLine => ({ ...rate, amount: Math.round(input.amount * rate.rate), by });

  let withholding: TaxLine | null = null;
  if (payer) {
    const base = crossBorder ? payer.nonResidentWithholding : payer.residentWithholding;
    withholding = base ? line(base, 'payer withholds') : null;
    if (payer.taxForm) {
      const has = (input.forms ?? []).some((f) => payer.taxForm!.name.toLowerCase().includes(f.toLowerCase()) && f.trim().length >= 2);
      if (!has) {
        flags.push({ code: 'missing-tax-form', message: `${payer.name} needs a ${payer.taxForm.name} from the member; without it ${(payer.taxForm.withoutForm.rate * 100).toFixed(2).replace(/\.?0+$/, '')}% may be withheld` });
        if (payer.taxForm.withoutForm.rate > (withholding?.rate ?? 0)) withholding = line(payer.taxForm.withoutForm, 'payer withholds');
      }
    }
  }
  let vat: TaxEstimate['vat'] = null;
  if (crossBorder) {
    if (payer?.vat) vat = { ...line(payer.vat, 'payer reverse-charges'), label: payer.vat.label };
  } else if (member?.vat) vat = { ...line(member.vat, 'member charges'), label: member.vat.label };
  return { estimate: true, gross: input.amount, withholding, vat, net: input.amount - (withholding?.amount ?? 0), flags };
}
