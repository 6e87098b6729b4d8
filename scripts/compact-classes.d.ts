// Types of scripts/compact-classes.js (plain JavaScript, run by the build), for test/warehouse.test.ts.
export function splitClasses(source: string): { parts: string[]; classes: string[] };
export function classRanges(cls: string, flags?: string): [number, number][];
export function encodeRanges(ranges: [number, number][]): string;
export const DECODER: string;
export function compactModule(expressions: Record<string, RegExp>): string;
