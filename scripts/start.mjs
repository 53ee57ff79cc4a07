// `npm start`: the desktop app where Electron is installed; otherwise the same renderer in a
// browser, with a local relay, and one line saying why.
import { spawn } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';
import { serveWeb } from './serveWeb.mjs';

const run = (args) => {
  const r = spawn(process.execPath, args, { stdio: 'inherit' });
  return new Promise((resolve) => r.on('exit', (code) => resolve(code ?? 1)));
};

if ((await run(['scripts/build.mjs'])) !== 0) process.exit(1);
const electron = electronBinary();
if (electron) {
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = Number(process.env.PORT ?? 5173);
  const { url } = await serveWeb({ port });
  // a relay beside it, so a second browser or machine can sync at once (skipped if one is running)
  const relay = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts', '--port', '4455', '--data', './relay-data', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
  relay.stdout.on('data', (d) => process.stdout.write(d));
  relay.on('exit', (code) => code && console.log('(a relay is already running on port 4455, or it could not start)'));
  console.log(`No Electron binary on this machine (it could not be downloaded), so Archipelago runs in web mode: open ${url}`);
  const stop = () => {
    relay.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
