#!/usr/bin/env node
// Lists import cycles among src/ modules (static imports and `import type`, as madge would see
// them in the sources; dynamic import() does not count: it loads on use). Exit 1 when there is one.
// Used by test/public-api.test.ts; run it alone with `node scripts/import-cycles.js`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** module → the src modules it imports statically (including `import type` and `import('…').T` types). */
export function importGraph(src = SRC) {
  const graph = new Map();
  for (const file of files(src)) {
    const text = readFileSync(file, 'utf8');
    const deps = new Set();
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]/gm)) deps.add(m[1]);
    for (const m of text.matchAll(/import\(['"](\.[^'"]+)['"]\)\.[A-Za-z]/g)) deps.add(m[1]);
    graph.set(
      path.relative(src, file),
      [...deps].map((d) => path.relative(src, path.resolve(path.dirname(file), d.replace(/\.js$/, '.ts')))),
    );
  }
  return graph;
}

/** Every elementary cycle found by depth-first search, each once, as a list of modules. */
export function importCycles(graph = importGraph()) {
  const cycles = new Map();
  const stack = [];
  const state = new Map(); // 1 on the stack, 2 done
  const visit = (node) => {
    state.set(node, 1);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join(' ');
        if (!cycles.has(key)) cycles.set(key, [...cycle, next]);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 2);
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cycles = importCycles();
  for (const c of cycles) console.log(c.join(' → '));
  console.log(cycles.length ? `${cycles.length} import cycle(s)` : 'no import cycles');
  process.exitCode = cycles.length ? 1 : 0;
}
