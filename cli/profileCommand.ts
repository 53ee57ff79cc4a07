import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { demoProfile } from '../shared/identity/demoProfile';
import { ProfileFileSchema, verifyProfile, type ProfileReport } from '../shared/identity/profile';
import { parseOrThrow, ValidationError } from '../shared/model/validate';
import { intOption, UsageError, type ParsedArgs } from './args';

interface Io {
  stdout: Pick<Writable, 'write'>;
  stderr: Pick<Writable, 'write'>;
}

/** Exit code 4: a signature does not hold, or a document contradicts itself (DESIGN.md §3). */
export const EXIT_VERIFICATION_FAILED = 4;

/** `archipelago profile demo|verify`. */
export async function runProfile(sub: string | undefined, args: ParsedArgs, io: Io): Promise<number> {
  if (sub === 'demo') return profileDemo(args, io);
  if (sub === 'verify') return profileVerify(args, io);
  throw new UsageError(`profile needs "demo" or "verify" (got ${sub === undefined ? 'nothing' : `"${sub}"`})`);
}

async function profileDemo(args: ParsedArgs, io: Io): Promise<number> {
  const seed = intOption(args, 'seed', 1, 0);
  const text = `${JSON.stringify(demoProfile({ seed }), null, 2)}\n`;
  const out = args.options.get('out');
  if (typeof out === 'string') {
    await writeFile(`${out}.tmp`, text);
    await rename(`${out}.tmp`, out);
    io.stderr.write(`wrote a signed profile to ${out}\n`);
  } else io.stdout.write(text);
  return 0;
}

async function profileVerify(args: ParsedArgs, io: Io): Promise<number> {
  const path = args.positionals[0];
  if (!path) throw new UsageError('profile verify needs a file: archipelago profile verify profile.json [--json]');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read profile file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ValidationError('$', `not valid JSON (${(e as Error).message})`, `profile ${path}`);
  }
  const file = parseOrThrow(ProfileFileSchema, raw, `profile ${path}`);
  const report = verifyProfile(file);
  const json = args.options.has('json');
  io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  const first = report.items.find((x) => !x.valid);
  if (!first) return 0;
  // A body that does not fit its kind's schema is malformed input (2); anything else is a failed verification (4).
  if (first.reason.startsWith('malformed: ')) {
    io.stderr.write(`error: profile ${path}: ${first.path}: ${first.reason.slice('malformed: '.length)}\n`);
    return 2;
  }
  io.stderr.write(`verification failed: ${first.path} (${first.kind} signed by ${first.signer.slice(0, 12)}…): ${first.reason}\n`);
  return EXIT_VERIFICATION_FAILED;
}

function formatReport(r: ProfileReport): string {
  const lines = [`${r.valid ? 'VALID' : 'INVALID'} profile of ${r.name || '(unknown)'} (${r.subject.slice(0, 16)}…)`];
  for (const x of r.items) lines.push(`  ${x.valid ? 'ok     ' : 'INVALID'} ${x.path.padEnd(12)} ${x.kind.padEnd(12)} by ${x.signer.slice(0, 12)}…${x.valid ? '' : `  ${x.reason}`}`);
  return `${lines.join('\n')}\n`;
}
