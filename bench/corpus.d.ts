export function corpusDir(): string | undefined;
export function mtsamples(dir?: string): Array<Record<string, string>>;
export function corpusTexts(dir?: string): Array<{ file: string; field: string; text: string }>;
