// `npm start`: builds both extensions, then (until the in-browser demo exists) shows the
// engine at work by diagnosing the bundled sample logs with the CLI.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

run('npm', ['run', 'build']);
const samples = readdirSync('samples').filter((f) => f.endsWith('.log')).map((f) => join('samples', f));
console.log(`\nDiagnosing ${samples.join(', ')}:\n`);
try {
  run('node', ['bin/faultline.mjs', 'diagnose', ...samples]);
} catch (error) {
  process.exitCode = error.status ?? 1;
}
console.log('Load the extension from .output/chrome-mv3 (Chrome) or .output/firefox-mv2 (Firefox); see README.md.');
