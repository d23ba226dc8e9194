// Vite's "?raw" suffix imports a file's text; the README test uses it to keep the examples true.
declare module '*?raw' {
  const content: string;
  export default content;
}
