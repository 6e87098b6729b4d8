// Serves the built-in rule files from the cache test/global-setup.ts wrote for the rule files now on
// disk (test/rules-cache.ts), instead of parsing and validating the YAML again in this process.
// Without a cache for them (another key: a rule file or src/rules/ changed; `npm run test:fast`
// before any `npm test`) the YAML is read as usual.
import { primeBuiltinRuleFiles } from '../src/rules/builtin.js';
import { readRulesCache } from './rules-cache.js';

primeBuiltinRuleFiles(readRulesCache);
