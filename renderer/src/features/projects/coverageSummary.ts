/** One line that does not hide fragility: how many capabilities rest on a single person. */
export function coverageSummary(coverage: readonly { status: 'gap' | 'thin' | 'ok' }[]): string {
  const count = (s: string) => coverage.filter((c) => c.status === s).length;
  const [ok, thin, gaps] = [count('ok'), count('thin'), count('gap')];
  const parts = [`${coverage.length} needed`];
  if (gaps) parts.push(`${gaps} gap${gaps > 1 ? 's' : ''}`);
  if (thin) parts.push(`${thin} single point${thin > 1 ? 's' : ''} of failure`);
  parts.push(ok === coverage.length ? 'all covered by several people' : `${ok} covered by several people`);
  return parts.join(' · ');
}
