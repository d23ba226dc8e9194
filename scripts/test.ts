// `npm test`: typecheck, lint, import cycles, client build, then every vitest project against
// real services. Ends with one plain line "N passed, N failed" counting tests and checks. The run
// has a time budget (TEST_BUDGET_MINUTES, 30 by default; from TEST_STARTED_AT, epoch seconds, when
// the caller started earlier, as .ci/run does before installing): going over it fails a check, and
// the slowest test files are listed so the cause is in the log.
//
// The checks before vitest are single-threaded (each tsc project, eslint, madge, dependency-cruiser,
// vite) and independent: they run side by side, one per core, and each prints its output in one
// piece when it ends. One after another they took about two minutes of a 2-core CI run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, join, relative, resolve } from 'node:path';

// The AWS SDK warns on every process that Node 20 support ends in 2027; keep the test log readable.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const startedAt = Number(process.env.TEST_STARTED_AT) * 1000 || Date.now();
const budgetMinutes = Number(process.env.TEST_BUDGET_MINUTES ?? 30);

type Command = { cmd: string; args: string[] };
/** A check: it passes when each of its commands exits 0 (a check's commands may run side by side). */
type Step = { name: string; commands: Command[] };

/**
 * The typecheck script's projects as separate commands when it is a chain of `tsc -p X --noEmit`,
 * so they share the cores with the other checks; otherwise the script itself.
 */
function typecheckCommands(): Command[] {
  const script: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.typecheck;
  const parts = script.split('&&').map((part) => part.trim().split(/\s+/));
  if (parts.every(([bin]) => bin === 'tsc')) return parts.map(([cmd, ...args]) => ({ cmd: cmd!, args }));
  return [npmRun('typecheck')];
}

const npmRun = (script: string): Command => ({ cmd: 'npm', args: ['run', '--silent', script] });
const steps: Step[] = [
  { name: 'typecheck', commands: typecheckCommands() },
  { name: 'lint', commands: [npmRun('lint')] },
  { name: 'import cycles', commands: [npmRun('circular')] },
  { name: 'import rules', commands: [npmRun('deps')] },
  { name: 'client build', commands: [npmRun('build:client')] },
];

// As under `npm run`: the workspace's binaries (tsc) first on the PATH.
const env = { ...process.env, PATH: `${resolve('node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };

/** Runs a command with its output held until it ends, so commands side by side do not interleave lines. */
function run(c: Command): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    const child = spawn(c.cmd, c.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', (err) => done({ ok: false, output: `${Buffer.concat(chunks).toString()}${err.message}\n` }));
    child.on('close', (code) => done({ ok: code === 0, output: Buffer.concat(chunks).toString() }));
  });
}

/** The steps' commands in the order listed, one per core at a time; a step is reported when its last command ends. */
async function runSteps(list: Step[]): Promise<boolean[]> {
  const queue = list.flatMap((step, i) => step.commands.map((command) => ({ i, command })));
  const state = list.map((step) => ({ left: step.commands.length, ok: true, output: '', seconds: 0 }));
  const began = Date.now();
  const lane = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const started = Date.now();
      const out = await run(job.command);
      const s = state[job.i]!;
      s.output += out.output;
      s.ok &&= out.ok;
      s.seconds += (Date.now() - started) / 1000;
      if (--s.left > 0) continue;
      const name = list[job.i]!.name;
      process.stdout.write(`\n── ${name} ──\n${s.output}`);
      const ran = list[job.i]!.commands.length > 1 ? `${s.seconds.toFixed(1)} s over ${list[job.i]!.commands.length} commands` : `${s.seconds.toFixed(1)} s`;
      process.stdout.write(`${s.ok ? '✓' : '✗'} ${name} (${ran}; done ${((Date.now() - began) / 1000).toFixed(1)} s into the checks)\n`);
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, lane));
  return state.map((s) => s.ok);
}

let checksPassed = 0;
let checksFailed = 0;
for (const ok of await runSteps(steps)) {
  if (ok) checksPassed++;
  else checksFailed++;
}

process.stdout.write('\n── vitest ──\n');
const report = join(mkdtempSync(join(tmpdir(), 'zyntra-vitest-')), 'report.json');
const extra = process.argv.slice(2);
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
let files: Array<{ name: string; status: string; startTime: number; endTime: number }> = [];
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; testResults: typeof files };
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  files = json.testResults;
  // A test file that failed to load has no failed test but still failed.
  failed += json.testResults.filter((r) => r.status === 'failed').length && json.numFailedTests === 0 ? 1 : 0;
}
if (vitest.status !== 0 && failed === 0) failed = 1;

const slowest = [...files].sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime)).slice(0, 8);
process.stdout.write('\nslowest test files:\n');
for (const f of slowest) process.stdout.write(`  ${((f.endTime - f.startTime) / 1000).toFixed(1).padStart(6)} s  ${relative(process.cwd(), f.name)}\n`);
const minutes = (Date.now() - startedAt) / 60_000;
const inBudget = minutes <= budgetMinutes;
process.stdout.write(`${inBudget ? '✓' : '✗'} time budget: ${minutes.toFixed(1)} of ${budgetMinutes} minutes\n`);
if (inBudget) checksPassed++;
else checksFailed++;

const total = { passed: passed + checksPassed, failed: failed + checksFailed };
process.stdout.write(`\nchecks: ${checksPassed} passed, ${checksFailed} failed; tests: ${passed} passed, ${failed} failed\n`);
process.stdout.write(`${total.passed} passed, ${total.failed} failed\n`);
process.exit(total.failed === 0 ? 0 : 1);
