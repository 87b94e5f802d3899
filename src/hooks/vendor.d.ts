/** pdf.js's browser build has no types of its own beside it: they are the package's. */
declare module 'pdfjs-dist/build/pdf.min.mjs' {
  export * from 'pdfjs-dist';
}
