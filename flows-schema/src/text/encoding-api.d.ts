// The WHATWG Encoding API, which browsers and Node both have: this package compiles without DOM or
// Node types, so the two classes it uses are declared here.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
