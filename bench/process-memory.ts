// Resident memory of processes, read from Linux /proc, three ways:
// - rss: the sum of each process's RSS, as `ps` shows it. Shared pages count once per process, so
//   PostgreSQL's shared buffers count again in every backend that touched them: an overcount.
// - rssShmemOnce: the same, with shared memory (RssShmem: PostgreSQL's buffers) counted once.
// - pss: shared pages split between the processes sharing them (smaps_rollup): what the machine spends.
import { readFileSync, readdirSync } from 'node:fs';

export type Memory = { rssMiB: number; rssShmemOnceMiB: number; pssMiB: number; processes: number };

function kib(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** The fields of /proc/<pid>/stat after the command name (state first), or null once the process has ended. */
export function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

export function parentOf(pid: number): number {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : -1;
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const p of all) if (parentOf(p) === tree[i]) tree.push(p);
  return tree;
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

const mib = (k: number) => Math.round(k / 102.4) / 10;

export function memoryOf(pids: number[]): Memory {
  let rss = 0;
  let private_ = 0;
  let shmem = 0;
  let pss = 0;
  for (const pid of pids) {
    const status = `/proc/${pid}/status`;
    rss += kib(status, 'VmRSS');
    private_ += kib(status, 'RssAnon') + kib(status, 'RssFile');
    shmem = Math.max(shmem, kib(status, 'RssShmem'));
    pss += kib(`/proc/${pid}/smaps_rollup`, 'Pss');
  }
  return { rssMiB: mib(rss), rssShmemOnceMiB: mib(private_ + shmem), pssMiB: mib(pss), processes: pids.length };
}
