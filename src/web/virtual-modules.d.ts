// Modules that only exist inside the esbuild bundle (scripts/web-bundle.js provides them).
declare module 'dignify:builtin-rules' {
  const files: import('../rules/load.js').LoadedRuleFile[];
  export default files;
}
declare module 'dignify:sources' {
  const sources: Array<{ key: string; title: string; by: string; year: number; url: string }>;
  export default sources;
}
