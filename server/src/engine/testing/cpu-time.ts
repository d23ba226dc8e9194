// The CPU time a synchronous call takes: the work it does, not how long it waited for a core
// while other test files ran, so a bound such as "under 50 ms" holds on a busy machine too.
// The process's CPU also counts its collector and compiler threads, which now and then land in
// one call: the call runs `tries` times and the least is kept (a slow algorithm is slow every time).
// `result` is the first run's.
export function cpuTimed<T>(run: () => T, tries = 3): { result: T; ms: number } {
  let result: T | undefined;
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const started = process.cpuUsage();
    const value = run();
    const used = process.cpuUsage(started);
    if (i === 0) result = value;
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { result: result as T, ms: best };
}
