// `npm test`: typecheck, lint, import cycles, client build, then every vitest project against
// real services. Ends with one plain line "N passed, N failed" counting tests and checks. The run
// has a time budget (TEST_BUDGET_MINUTES, 30 by default; from TEST_STARTED_AT, epoch seconds, when
// the caller started earlier, as .ci/run does before installing): going over it fails a check, and
// the slowest test files are listed so the cause is in the log.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// The AWS SDK warns on every process that Node 20 support ends in 2027; keep the test log readable.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const startedAt = Number(process.env.TEST_STARTED_AT) * 1000 || Date.now();
const budgetMinutes = Number(process.env.TEST_BUDGET_MINUTES ?? 30);

type Step = { name: string; cmd: string; args: string[] };
const steps: Step[] = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '--silent', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'import cycles', cmd: 'npm', args: ['run', '--silent', 'circular'] },
  { name: 'import rules', cmd: 'npm', args: ['run', '--silent', 'deps'] },
  { name: 'client build', cmd: 'npm', args: ['run', '--silent', 'build:client'] },
];

let checksPassed = 0;
let checksFailed = 0;
for (const step of steps) {
  process.stdout.write(`\n── ${step.name} ──\n`);
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit' });
  const ok = run.status === 0;
  process.stdout.write(`${ok ? '✓' : '✗'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
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
