// The shape of a .dignifyrc (or the "dignify" key of package.json), as a JSON schema so ajv checks
// it and the error names the key and what was expected.
export interface DignifyConfig {
  /** Which rules run: recommended (default) or all. --preset on the command line wins over it. */
  preset?: 'recommended' | 'all';
  /** Rule id or category → off | info | warning | error. */
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Phrases never to report (e.g. a program's own name). */
  allow?: string[];
  /** The user's own rule files (same YAML format as rules/), relative to the config file. */
  extends?: string | string[];
  /** Files not to lint: gitignore-style globs, relative to the config file's folder. */
  ignore?: string[];
}

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    preset: { enum: ['recommended', 'all'] },
    rules: {
      type: 'object',
      additionalProperties: { enum: ['off', 'info', 'warning', 'error'] },
    },
    allow: { type: 'array', items: { type: 'string', minLength: 1 } },
    extends: {
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } },
      ],
    },
    ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
} as const;
