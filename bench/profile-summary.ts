// `npx tsx bench/profile-summary.ts FILE.cpuprofile [...]`: where a process's CPU went, from the
// profiles `BENCH_PROFILE=dir npm run bench` writes. Self time summed per area (a package, a
// folder of the server, Node's internals, idle, GC) and per function, as shares of the whole.
import { readFileSync } from 'node:fs';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The area a frame belongs to: a package, a server folder, Node itself, or V8's own buckets. */
export function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/(server|flows-schema)\/src\/([^/]+)/.exec(url);
  if (src) return `${src[1]}/${src[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^.*\//, '');
}

export function summarize(profiles: Profile[]) {
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (const p of profiles) {
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = nodes.get(id)!;
      const us = p.timeDeltas[i] ?? 0;
      total += us;
      const area = areaOf(n.callFrame.url, n.callFrame.functionName);
      byArea.set(area, (byArea.get(area) ?? 0) + us);
      const fn = `${n.callFrame.functionName || '(anonymous)'} ${area}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    });
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => ({ name: k, share: Math.round((us / total) * 1000) / 10 }));
  return { seconds: Math.round(total / 1e4) / 100, areas: top(byArea, 20), functions: top(byFn, 25) };
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const s = summarize(process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Profile));
  console.log(`${s.seconds} s sampled`);
  console.log('\nby area (self time, % of all):');
  for (const a of s.areas) console.log(`  ${String(a.share).padStart(5)} %  ${a.name}`);
  console.log('\nby function:');
  for (const f of s.functions) console.log(`  ${String(f.share).padStart(5)} %  ${f.name}`);
}
