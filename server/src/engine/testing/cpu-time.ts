// The CPU time a synchronous call takes: the work it does, not how long it waited for a core
// while other test files ran, so a bound such as "under 50 ms" holds on a busy machine too.
export function cpuTimed<T>(run: () => T): { result: T; ms: number } {
  const started = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(started);
  return { result, ms: (used.user + used.system) / 1000 };
}
