// The CLI's entry for the production bundle (dist/server/cli.mjs); bin/archipelago.mjs runs the
// same main() through tsx in development.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
