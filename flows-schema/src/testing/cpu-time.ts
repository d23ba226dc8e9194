// The CPU time a synchronous call takes: the work it does, not how long it waited for a core
// while other test files ran, so a bound such as "under 50 ms" holds on a busy machine too.
// The package has no Node types, so the process clock is looked up at run time (wall clock
// elsewhere).
type Usage = { user: number; system: number };
const processClock = (globalThis as { process?: { cpuUsage?: () => Usage } }).process;

function nowMs(): number {
  if (!processClock?.cpuUsage) return Date.now();
  const usage = processClock.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export function cpuTimed<T>(run: () => T): { result: T; ms: number } {
  const started = nowMs();
  const result = run();
  return { result, ms: nowMs() - started };
}
