// CPU time of processes, read from Linux /proc (user + system time of each process), to say where a
// step's time went: CPU milliseconds per message for each part of the pipeline, bare and product
// alike. The ratio of throughputs on a CPU-bound machine is the inverse ratio of these totals.
import { statFields } from './process-memory';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on here. */
const TICK_MS = 10;

/** The parts of a pipeline, each a function listing its processes' pids now (PostgreSQL's backends come and go). */
export type CpuParts = Record<string, () => number[]>;

/** User + system time (utime, stime); 0 for a process that ended between listing and reading. */
function ticksOf(pid: number): number {
  const fields = statFields(pid);
  return fields ? Number(fields[11]) + Number(fields[12]) : 0;
}

const snapshot = (parts: CpuParts) =>
  Object.fromEntries(Object.entries(parts).map(([name, pids]) => [name, new Map(pids().map((pid) => [pid, ticksOf(pid)]))]));

/** Runs `step` and answers, beside its result, each part's CPU milliseconds per reply it counted. */
export async function withCpuPerMessage<T extends { replies: number }>(parts: CpuParts, step: () => Promise<T>): Promise<T & { cpuMsPerMessage: Record<string, number> }> {
  const before = snapshot(parts);
  const result = await step();
  const after = snapshot(parts);
  const perMessage: Record<string, number> = {};
  let total = 0;
  for (const [name, pids] of Object.entries(after)) {
    let ticks = 0;
    for (const [pid, now] of pids) ticks += now - (before[name]!.get(pid) ?? 0);
    const ms = result.replies > 0 ? (ticks * TICK_MS) / result.replies : 0;
    perMessage[name] = Math.round(ms * 100) / 100;
    total += ms;
  }
  perMessage.total = Math.round(total * 100) / 100;
  return { ...result, cpuMsPerMessage: perMessage };
}

export const cpuLine = (perMessage: Record<string, number>) =>
  Object.entries(perMessage).map(([name, ms]) => `${name} ${ms}`).join(', ');
