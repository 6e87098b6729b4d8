// A given name opening a sentence (src/match/names.ts, data/given-names.txt): the patient's first name
// in a short note is the patient, unless the note says whose name it is (issue 11, "who it describes").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { bracketAfter, givenNameGender, isGivenName, readName } from '../src/match/names.js';
import { ROOT } from './helpers.js';

const flagged = async (text: string) => (await lintText(text)).filter((f) => f.severity !== 'info').map((f) => f.ruleId);
const WORDS = { isRole: (w: string) => ['wife', 'daughter', 'rn', 'aide', 'interpreter'].includes(w), isPatient: (w: string) => w === 'pt' || w === 'patient' };

describe('the list of given names', () => {
  it('holds names of many origins and leaves out the words that are roles first', () => {
    for (const name of ['Maria', 'jamal', 'Oksana', 'Priya', 'Kwame', 'Hiroshi', 'Svetlana', 'Guadalupe', 'Xochitl', 'Tyrone'])
      expect(isGivenName(name), name).toBe(true);
    for (const word of ['Dean', 'Judge', 'Hunter', 'Bishop', 'Porter', 'Chief', 'patient', 'tenant', 'the', 'Mercy', 'Al'])
      expect(isGivenName(word), word).toBe(false);
  });

  it("gives each name the gender the package's lists give it, and either to a name of both", () => {
    for (const name of ['Maria', 'Dolores', 'Denise', 'Grace', 'Andrea']) expect(givenNameGender(name), name).toBe('female');
    // Henry and Noah: the fr list gives them to women; the other lists outvote it.
    for (const name of ['Frank', 'Tom', 'Henry', 'Noah', 'Jayden']) expect(givenNameGender(name), name).toBe('male');
    for (const name of ['Jordan', 'Casey', 'Alex', 'Riley', 'Taylor']) expect(givenNameGender(name), name).toBe('unknown');
    for (const word of ['Nurse', 'the', 'Dean']) expect(givenNameGender(word), word).toBeUndefined();
  });

  it('is what scripts/given-names.mjs builds from the package and the excluded list', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'given-names.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const excluded = readFileSync(path.join(ROOT, 'data', 'given-names-excluded.txt'), 'utf8');
    expect(excluded).toMatch(/^dean\trole$/m);
    expect(excluded).toMatch(/^mercy\tplace$/m);
  });
});

describe('readName', () => {
  it('reads a name the note gives a role elsewhere as someone else', () => {
    const text = 'Called his wife Noor at home. Noor insists the pills are taken.';
    expect(readName(text, 'Noor', text.lastIndexOf('Noor'), WORDS)).toBe('other');
    const apposed = 'Noor, his wife, was at the bedside. Noor insists the pills are taken.';
    expect(readName(apposed, 'Noor', apposed.lastIndexOf('Noor'), WORDS)).toBe('other');
  });

  it('reads a given name as a name, and another word as unknown', () => {
    expect(readName('Noor refused the scan.', 'Noor', 0, WORDS)).toBe('name');
    expect(readName('Tenant refused entry.', 'Tenant', 0, WORDS)).toBeUndefined();
    expect(readName('NOOR refused the scan.', 'NOOR', 0, WORDS)).toBeUndefined();
  });

  it('reads a name as someone else when the note names its patient by title and surname or by another first name', () => {
    const titled = 'Mr. Varga seen with family. Noor claims he skips doses.';
    expect(readName(titled, 'Noor', titled.indexOf('Noor'), WORDS)).toBe('other');
    const joined = 'Ms. Varga, Noor Varga, seen today. Noor claims she takes them.';
    expect(readName(joined, 'Noor', joined.lastIndexOf('Noor'), WORDS)).toBe('name');
    const other = 'Patient Lorenzo seen today. Noor claims he skips doses.';
    expect(readName(other, 'Noor', other.indexOf('Noor'), WORDS)).toBe('other');
  });

  it('reads brackets after a name: a role or a workplace, the patient, or neither', () => {
    expect(bracketAfter(' (interpreter) said', WORDS)).toBe('other');
    expect(bracketAfter(' (front desk) said', WORDS)).toBe('other');
    expect(bracketAfter(' (pt) said', WORDS)).toBe('patient');
    expect(bracketAfter(' (62F) said', WORDS)).toBe('patient');
    expect(bracketAfter(' (Spanish-speaking) said', WORDS)).toBeUndefined();
    expect(bracketAfter(' (via phone) said', WORDS)).toBeUndefined();
    expect(bracketAfter(' (see prior note) said', WORDS)).toBeUndefined();
  });
});

describe('a first name opening a sentence', () => {
  it('flags the patient named by a first name in a one-sentence note', async () => {
    for (const text of [
      'Noor refused the morning weight.',
      'Lorenzo claims the inhaler is empty.',
      'Ilona was combative with transport.',
      'Anika became hostile at the door.',
      'Seen at noon. Kenji insists the swelling is old.',
    ])
      expect(await flagged(text), text).not.toEqual([]);
  });

  it('passes a relative, a worker or an officer named by a first name, and a role that is also a name', async () => {
    for (const text of [
      'Spoke with her daughter, Noor. Noor insists the dose was given.',
      'Came with his granddaughter, Noor. Noor claims he eats little.',
      'Called his brother-in-law Kenji. Kenji insists the pills are hidden.',
      'Noor (front desk) refused to book the visit.',
      'Ms. Varga seen with her niece. Noor claims the rash is new.',
      'Aide Bashir refused to lift the patient alone.',
      'Dean refused the request for more staff.',
      'Judge insists the hearing go ahead.',
      'Tenant refused entry to the flat.',
    ])
      expect(await flagged(text), text).toEqual([]);
  });
});
