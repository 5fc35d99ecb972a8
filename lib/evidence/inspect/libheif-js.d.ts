// libheif-js ships no types for its entry points; lib/evidence/inspect/heic.ts describes the part it uses.
declare module 'libheif-js/wasm-bundle' {
  const libheif: unknown;
  export default libheif;
}
