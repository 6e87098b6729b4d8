// The words of a finding's message: the phrase, the first two suggestions, and whose words they
// are. A module of its own so that a build with no message (the warehouse's rows carry none:
// scripts/bundle-warehouse.js) can leave it out.

/** Whose words a match is in: quoted, a patient's turn, reported speech, a relative's account, a mention; undefined: the writer's. */
export type Voice = 'quoted' | 'speaker' | 'reported' | 'family' | 'self' | 'relative' | 'mention' | undefined;

const VOICE_NOTES: Record<Exclude<Voice, undefined>, string> = {
  quoted: " (in quotation marks: check whether these are the patient's own words)",
  speaker: " (in the patient's or a relative's turn of a dialogue: their own words)",
  reported: " (in reported speech: check whether these are the patient's own words)",
  family: " (a relative's account, reported: check whether these are the relative's own words)",
  self: ' (a speaker describing themselves: their own words)',
  relative: ' (a speaker describing their own relative: their own words)',
  mention: ' (the word is talked about, not used)',
};

/** The message: the phrase (or, for a template's drop-down, each reading of it: "alcohol abuse", "drug abuse" or "opioid abuse"), the first two suggestions, whose words. */
export function messageFor(phrases: readonly string[], suggestions: readonly string[], voice: Voice): string {
  const [first, second] = suggestions;
  const prefer = first ? `; prefer "${first}"${second ? ` or "${second}"` : ''}` : '';
  const quoted = phrases.map((p) => `"${p}"`);
  const avoid = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0];
  return `Avoid ${avoid}${prefer}${voice ? VOICE_NOTES[voice] : ''}`;
}
