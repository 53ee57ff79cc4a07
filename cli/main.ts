import { readFile, writeFile, rename } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { assemble } from '../shared/assembly/assemble';
import { buildAssemblyIndex } from '../shared/assembly/assemblyIndex';
import { InfeasibleError } from '../shared/assembly/errors';
import { generateNetwork } from '../shared/demo/generateNetwork';
import { forecast } from '../shared/forecast/forecast';
import { buildTrustGraph } from '../shared/graph/trustGraph';
import { NetworkFileSchema, type NetworkFile } from '../shared/model/network';
import { requirementsFileFrom, RequirementsFileSchema } from '../shared/model/requirements';
import { parseOrThrow, ValidationError } from '../shared/model/validate';
import { trustReport } from '../shared/trust/trustReport';
import { parseLedgerFile, replayLedgerFile } from '../shared/value/ledger';
import { IsoInstant } from '../shared/value/ledgerSchema';
import { replayOutput } from '../shared/value/replayLedger';
import { mintToken } from '../sync-server/auth';
import { EXIT_VERIFICATION_FAILED, runProfile } from './profileCommand';
import { fractionOption, intOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { formatAssemble, formatForecast, formatLedger, formatTrust } from './format';

export const EXIT = { ok: 0, badInput: 2, infeasible: 3, verificationFailed: EXIT_VERIFICATION_FAILED } as const;

const HELP = `archipelago: the Archipelago engine on the command line

  archipelago demo --people N --seed S [--out file]
      write a deterministic synthetic network (network file, version 1)
  archipelago forecast --objective "text" [--json] [--requirements-out req.json [--budget N]]
      capability requirements and a phased pathway for an objective; --requirements-out also
      writes them as a requirements file that assemble --requirements reads
  archipelago assemble --network net.json --requirements req.json [--k 3] [--objective default|comm] [--json]
      the best k teams, best first, each explained
  archipelago trust --network net.json --from ID [--top N] [--about ID,ID] [--advice [--stakes 0..1]] [--json]
      personalised, Sybil-resistant trust from one person, with the most trusted paths;
      --about reports those people instead of the top N; --advice adds whether to rely on
      reputation, require escrow, or ask an introducer (--stakes raises the bar for big engagements)
  archipelago ledger replay ledger.json [--now ISO] [--json]
      replay an escrow ledger (a set of events, any order): each milestone's state and balance,
      the events applied and the events rejected with why; --now auto-releases overdue submits
      events may carry "signed": { author, sig } and "keys": { person: key } binds actors to keys;
      a signature that does not hold is rejected as tampered and the exit code is 4
  archipelago token --room R --secret S [--ttl SECONDS] [--read-only] [--renewable-for SECONDS] [--json]
      a relay room token (HS256): R is a room or a prefix ending in *; the secret is the relay's
      --auth-secret (or ARCHIPELAGO_RELAY_SECRET); --ttl defaults to 3600 (one hour);
      --renewable-for lets the app renew it at the relay for that long (each time for --ttl)
  archipelago profile demo --seed S [--out profile.json]
      write a sample signed portable profile (keys derived from the seed)
  archipelago profile verify profile.json [--json]
      check every signature in a profile: { valid, subject, items: [{ path, kind, signer, valid, reason }] }
  archipelago help

Exit codes: 0 ok; 2 bad input (the message names the field); 3 infeasible (names the role or budget);
4 verification failed (names the first item that fails).
`;

interface Io {
  stdout: Pick<Writable, 'write'>;
  stderr: Pick<Writable, 'write'>;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        return await demo(parseArgs(rest, { people: 'value', seed: 'value', out: 'value', ties: 'value', json: 'flag' }), io);
      case 'forecast':
        return await runForecast(parseArgs(rest, { objective: 'value', json: 'flag', 'requirements-out': 'value', budget: 'value' }), io);
      case 'assemble':
        return await runAssemble(parseArgs(rest, { network: 'value', requirements: 'value', k: 'value', objective: 'value', json: 'flag' }), io);
      case 'trust':
        return await runTrust(parseArgs(rest, { network: 'value', from: 'value', top: 'value', about: 'value', advice: 'flag', stakes: 'value', json: 'flag' }), io);
      case 'ledger':
        return await runLedger(rest, io);
      case 'token':
        return await runToken(parseArgs(rest, { room: 'value', secret: 'value', ttl: 'value', 'read-only': 'flag', 'renewable-for': 'value', json: 'flag' }), io);
      case 'profile':
        return await runProfile(rest[0], parseArgs(rest.slice(1), { seed: 'value', out: 'value', json: 'flag' }), io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(HELP);
        return EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}" (try: archipelago help)`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ValidationError || e instanceof RangeError) {
      io.stderr.write(`error: ${e.message}\n`);
      return EXIT.badInput;
    }
    if (e instanceof InfeasibleError) {
      io.stderr.write(`infeasible: ${e.message}\n`);
      return EXIT.infeasible;
    }
    throw e;
  }
}

function required(args: ParsedArgs, name: string): string {
  const v = args.options.get(name);
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`--${name} is required`);
  return v;
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ValidationError('$', `not valid JSON (${(e as Error).message})`, `${what} ${path}`);
  }
}

async function loadNetwork(path: string): Promise<NetworkFile> {
  return parseOrThrow(NetworkFileSchema, await readJson(path, 'network'), `network ${path}`);
}

async function demo(args: ParsedArgs, io: Io) {
  const people = intOption(args, 'people', 200);
  const seed = intOption(args, 'seed', 1, 0);
  const tiesPerPerson = args.options.has('ties') ? intOption(args, 'ties', 5) : undefined;
  const net = generateNetwork({ people, seed, tiesPerPerson });
  const text = JSON.stringify(net);
  const out = args.options.get('out');
  if (typeof out === 'string') {
    // write then rename: a crash never leaves a half-written network file
    await writeFile(`${out}.tmp`, text);
    await rename(`${out}.tmp`, out);
    io.stderr.write(`wrote ${net.people.length} people and ${net.ties.length} ties to ${out}\n`);
  } else io.stdout.write(`${text}\n`);
  return EXIT.ok;
}

async function runForecast(args: ParsedArgs, io: Io) {
  const result = forecast(required(args, 'objective'));
  const reqOut = args.options.get('requirements-out');
  if (reqOut === true) throw new UsageError('--requirements-out needs a file name');
  const budgetRaw = args.options.get('budget');
  if (budgetRaw !== undefined && reqOut === undefined) throw new UsageError('--budget is for --requirements-out');
  const budget = budgetRaw === undefined ? undefined : Number(budgetRaw);
  if (budget !== undefined && (budgetRaw === true || !Number.isFinite(budget) || budget <= 0)) throw new UsageError('--budget must be a positive number (the maximum sum of hourly rates)');
  if (reqOut !== undefined) {
    // written whole or not at all
    await writeFile(`${reqOut}.tmp`, `${JSON.stringify(requirementsFileFrom(result.requirements, budget), null, 2)}\n`);
    await rename(`${reqOut}.tmp`, reqOut);
    io.stderr.write(`wrote ${result.requirements.length} roles to ${reqOut}\n`);
  }
  const out = {
    requirements: result.requirements.map((r) => ({ skill: r.skill, label: r.label, level: r.level, why: r.why, phase: r.phase })),
    pathway: result.pathway,
  };
  io.stdout.write(args.options.has('json') ? `${JSON.stringify(out, null, 2)}\n` : formatForecast(result));
  return EXIT.ok;
}

async function runAssemble(args: ParsedArgs, io: Io) {
  const net = await loadNetwork(required(args, 'network'));
  const reqPath = required(args, 'requirements');
  const req = parseOrThrow(RequirementsFileSchema, await readJson(reqPath, 'requirements'), `requirements ${reqPath}`);
  const objective = args.options.get('objective') ?? 'default';
  if (objective !== 'default' && objective !== 'comm') throw new UsageError('--objective must be default or comm');
  const k = intOption(args, 'k', 3);
  const index = buildAssemblyIndex(net);
  const result = assemble(index, req, { k, objective });
  io.stdout.write(args.options.has('json') ? `${JSON.stringify({ teams: result.teams, exact: result.exact }, null, 2)}\n` : formatAssemble(result, net));
  return EXIT.ok;
}

async function runTrust(args: ParsedArgs, io: Io) {
  const net = await loadNetwork(required(args, 'network'));
  const from = required(args, 'from');
  const graph = buildTrustGraph(net);
  if (!graph.indexOf.has(from)) throw new ValidationError('--from', `unknown person "${from}"`, 'trust');
  const aboutRaw = args.options.get('about');
  const about = typeof aboutRaw === 'string' ? aboutRaw.split(',').map((id) => id.trim()).filter(Boolean) : undefined;
  for (const id of about ?? []) if (!graph.indexOf.has(id)) throw new ValidationError('--about', `unknown person "${id}"`, 'trust');
  const stakes = fractionOption(args, 'stakes');
  if (stakes !== undefined && !args.options.has('advice')) throw new UsageError('--stakes needs --advice');
  const advice = args.options.has('advice') ? (stakes === undefined ? {} : { stakes }) : undefined;
  const report = trustReport(graph, from, intOption(args, 'top', 20), { about, advice });
  io.stdout.write(args.options.has('json') ? `${JSON.stringify(report, null, 2)}\n` : formatTrust(report, net));
  return EXIT.ok;
}

async function runLedger(rest: readonly string[], io: Io) {
  const [sub, ...more] = rest;
  if (sub !== 'replay') throw new UsageError(`unknown ledger command "${sub ?? ''}" (try: archipelago ledger replay ledger.json)`);
  const args = parseArgs(more, { now: 'value', json: 'flag' });
  const [path, extra] = args.positionals;
  if (!path) throw new UsageError('ledger replay needs a ledger file');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const rawNow = args.options.get('now');
  let now: number | undefined;
  if (rawNow !== undefined) {
    if (rawNow === true || !IsoInstant.safeParse(rawNow).success) throw new ValidationError('--now', 'must be an ISO 8601 date-time, e.g. 2026-02-01T00:00:00Z', 'ledger replay');
    now = Date.parse(rawNow);
  }
  const file = parseLedgerFile(await readJson(path, 'ledger'), `ledger ${path}`);
  const replay = replayLedgerFile(file, now, false); // the output has no per-event history
  io.stdout.write(args.options.has('json') ? `${JSON.stringify(replayOutput(replay), null, 2)}\n` : formatLedger(replay));
  // a signature that does not hold is a verification failure (exit 4), the report still printed
  const index = file.events.findIndex((e) => replay.untrusted.some((u) => u.status === 'tampered' && u.event === e));
  if (index >= 0) {
    io.stderr.write(`ledger replay: $.events[${index}] (${file.events[index].id}): ${replay.untrusted.find((u) => u.event === file.events[index])!.reason}\n`);
    return EXIT.verificationFailed;
  }
  return EXIT.ok;
}

/** The default lifetime of a minted room token: short, so a leaked one soon stops working. */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
const ROOM_CLAIM = /^[\w.:@-][\w.:@/-]{0,199}\*?$|^\*$/;

async function runToken(args: ParsedArgs, io: Io) {
  const room = required(args, 'room');
  if (!ROOM_CLAIM.test(room)) throw new UsageError('--room must be a room name (letters, digits, . : @ / - _) or a prefix ending in *');
  const fromEnv = process.env.ARCHIPELAGO_RELAY_SECRET;
  const secret = args.options.has('secret') ? required(args, 'secret') : fromEnv;
  if (!secret) throw new UsageError('--secret is required (or set ARCHIPELAGO_RELAY_SECRET)');
  const ttlSeconds = intOption(args, 'ttl', DEFAULT_TOKEN_TTL_SECONDS);
  const scope = args.options.has('read-only') ? 'r' : 'rw';
  const now = Math.floor(Date.now() / 1000);
  const renewableFor = args.options.has('renewable-for') ? intOption(args, 'renewable-for', 0) : null;
  if (renewableFor !== null && renewableFor < ttlSeconds) throw new UsageError('--renewable-for must be at least --ttl (it is how long the token may be renewed, in all)');
  const renewableUntil = renewableFor === null ? undefined : now + renewableFor;
  const token = await mintToken({ room, secret, ttlSeconds, scope, now, renewableUntil });
  const exp = now + ttlSeconds;
  const json = { token, room, scope, exp: new Date(exp * 1000).toISOString(), ...(renewableUntil ? { renewableUntil: new Date(renewableUntil * 1000).toISOString() } : {}) };
  io.stdout.write(args.options.has('json') ? `${JSON.stringify(json, null, 2)}\n` : `${token}\n`);
  return EXIT.ok;
}
