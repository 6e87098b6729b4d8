// Types of scripts/build-stamp.js (plain JavaScript, run by the build), for test/global-setup.ts.
export const ROOT: string;
/** dist/.build-stamp, relative to the package root. */
export const STAMP: string;
/** The files and folders the build reads, relative to the package root. */
export const INPUTS: readonly string[];
/** A hex SHA-256 over each input file's relative path and bytes. */
export function inputsHash(root?: string): string;
/** The stamp dist/ holds, or undefined when there is none. */
export function readStamp(root?: string): string | undefined;
/** The files the stamp lists ('/'-separated, relative to `root`) that are no longer on disk. */
export function missingOutputs(root?: string): string[];
