// flows-schema compiles without @types/node on purpose: src must stay isomorphic, and Node's
// globals would let it lean on them unnoticed. The one Node-only script declares the little it
// uses here instead.
declare module 'node:fs' {
  export function writeFileSync(path: string, data: string): void;
}

interface ImportMeta {
  /** Node ≥ 20.11: the directory of the current module. */
  readonly dirname: string;
}
