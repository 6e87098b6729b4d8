// A module of its own: names.ts, given-names.ts and pronoun.ts read it, and the warehouse build
// stands in given-names.ts (scripts/bundle-warehouse.js) but not this.

/** The titles a note gives its patient ("Mr. Diaz"), lower case: a name after one is the patient's. */
export const PATIENT_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
