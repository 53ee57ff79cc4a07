// `npm start`: the desktop app where Electron is installed; otherwise the same renderer in a
// browser, with a relay of its own, and one line saying why.
//
// Ports: the web page on PORT (default 5173), the relay on RELAY_PORT (default 4455). A port that
// is taken is never shared: the next free one is used, and the start says so. The page syncs only
// with the relay this start launched (announced to it in the page), never with whatever already
// listens on a port.
import { spawn } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';
import { freePort } from './freePort.mjs';
import { serveWeb } from './serveWeb.mjs';

const run = (args) => {
  const r = spawn(process.execPath, args, { stdio: 'inherit' });
  return new Promise((resolve) => r.on('exit', (code) => resolve(code ?? 1)));
};

/** A port from the environment, or the default; exits with one clear line when it is not a port. */
function portFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`archipelago: ${name}=${raw} is not a port (1-65535)`);
    process.exit(2);
  }
  return port;
}

/** The wanted port or the next free one, said in one line; exits when none of 20 is free. */
async function pickPort(what, name, wanted, exclude = []) {
  const port = await freePort(wanted, '127.0.0.1', 20, exclude);
  if (port === null) {
    console.error(`archipelago: ports ${wanted}-${wanted + 19} are all in use; set ${name} to a free port for the ${what}`);
    process.exit(1);
  }
  if (port !== wanted) console.log(`archipelago: port ${wanted} is in use, so the ${what} uses ${port} (set ${name} to choose)`);
  return port;
}

const skipReason = () => {
  const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return skip && skip !== '0' && skip !== 'false' ? 'its download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' : 'it is not installed (its download failed or was skipped)';
};

const webPort = portFrom('PORT', 5173);
const relayPort = portFrom('RELAY_PORT', 4455);
if ((await run(['scripts/build.mjs'])) !== 0) process.exit(1);
const electron = electronBinary();
if (electron) {
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // both ports are chosen before either is bound, so they cannot pick the same one
  const wport = await pickPort('web page', 'PORT', webPort);
  const rport = await pickPort('relay', 'RELAY_PORT', relayPort, [wport]);
  const relayUrl = `ws://127.0.0.1:${rport}`;
  const relay = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts', '--port', String(rport), '--data', './relay-data', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
  relay.stdout.on('data', (d) => process.stdout.write(d));
  relay.on('exit', (code) => {
    if (code) console.error(`archipelago: the relay on port ${rport} stopped (exit ${code}); the app keeps working on this device`);
  });
  const { url } = await serveWeb({ port: wport, relayUrl }).catch((e) => {
    console.error(`archipelago: could not serve the web page on port ${wport}: ${e.message}`);
    relay.kill('SIGTERM');
    process.exit(1);
  });
  console.log(`No Electron binary on this machine: ${skipReason()}. Archipelago runs in web mode: open ${url} (syncing through its own relay, ${relayUrl})`);
  const stop = () => {
    relay.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
