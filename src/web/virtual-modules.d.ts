// Modules that only exist inside the esbuild bundle (scripts/web-bundle.js provides them).
declare module 'dignify:builtin-rules' {
  const files: import('../rules/load.js').LoadedRuleFile[];
  export default files;
}
