// Detection that holds on new genres (issue 11): whose words a phrase is (dialogue turns, reported
// speech, quotation marks of every kind), mentions of a word, text that is not prose about a
// patient (URLs, e-mail, paths, citations, names of bodies), and bounded context windows.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { lintDocument, lintDocumentWhole, preloadLint } from '../src/lint/lint-document.js';
import { resolveOptions } from '../src/lint/options.js';
import { isDialogue, isMention, isReportedSpeech, isSelfDescription, speakerAt } from '../src/match/speakers.js';
import { maskedAt, nonProseSpans } from '../src/match/spans.js';

const brief = async (text: string, options?: Parameters<typeof lintText>[1]) => (await lintText(text, options)).map((f) => [f.ruleId, f.actual, f.severity]);

describe('dialogue turns', () => {
  const dialogue = [
    'Doctor: How much do you drink these days?',
    "Patient: Honestly I'm an addict, I know it.",
    'Doctor: Any history of IV drug abuse?',
    'Guest_family: He has been refusing to take his pills.',
    'Doctor: Okay. He is an addict and we will talk about it.',
  ].join('\n');

  it("treats the patient's and family's turns like quotations, and lints the clinician's", async () => {
    const findings = await lintText(dialogue);
    const byLine = findings.map((f) => [f.start.line, f.ruleId, f.severity, f.quoted ?? false]);
    expect(byLine).toEqual([
      [2, 'substance-use/addict', 'info', true],
      [3, 'substance-use/injection-drug-abuse', 'error', false],
      [4, 'compliance/refused', 'info', true],
      [5, 'substance-use/addict', 'error', false],
    ]);
    expect(findings[0]!.message).toContain("patient's or a relative's turn");
  });

  it('follows the --quotes policy for turns: flag reports them as usual, ignore drops them', async () => {
    expect((await brief(dialogue, { quotes: 'flag' })).filter(([, , s]) => s === 'info')).toEqual([]);
    expect((await brief(dialogue, { quotes: 'ignore' })).map(([id]) => id)).toEqual(['substance-use/injection-drug-abuse', 'substance-use/addict']);
  });

  it('reads bracketed speaker tags, and a turn that runs over several lines', async () => {
    const text = '[doctor] tell me about your family\n[patient] my mom was an alcoholic\nand my dad was an addict too\n[doctor] okay\n[patient_guest] yes';
    expect(await brief(text)).toEqual([
      ['substance-use/alcoholic', 'alcoholic', 'info'],
      ['substance-use/addict', 'addict', 'info'],
    ]);
    expect(speakerAt(text, text.indexOf('okay'))).toBe('clinician');
  });

  it("reads one bracketed turn pasted alone as the speaker's words (transcript markup)", async () => {
    expect(await brief('[patient] my brother is a heroin addict and lives with us')).toEqual([['substance-use/addict', 'heroin addict', 'info']]);
    expect(await brief('[doctor] any history of IV drug abuse')).toEqual([['substance-use/injection-drug-abuse', 'IV drug abuse', 'error']]);
    // A colon label alone is not enough: "Patient: J. Doe" heads notes.
    expect(isDialogue('Patient: my brother is a heroin addict')).toBe(false);
  });

  it("reads an interview's interviewee by the name the genre gives them (Applicant, Claimant, Evacuee)", async () => {
    const interview =
      'Interviewer: Any drug use, ever?\nApplicant: In my twenties I was a junkie, nothing now.\nInterviewer: Noted. Known junkie per the file.';
    expect(speakerAt(interview, interview.indexOf('junkie'))).toBe('patient');
    expect(await brief(interview)).toEqual([
      ['substance-use/slang-label', 'junkie', 'info'],
      ['substance-use/slang-label', 'junkie', 'error'],
    ]);
    // A header's value is no speech: "Claimant: J. Doe".
    expect(await brief('Claimant: J. Doe\nHPI: known heroin addict.')).toEqual([['substance-use/addict', 'heroin addict', 'error']]);
  });

  it('does not take a note header for a dialogue', async () => {
    const note = 'Provider: Dr. Lee\nPatient: J. Doe\nHPI: 40M, known heroin addict, here for abscess.';
    expect(isDialogue(note)).toBe(false);
    expect(await brief(note)).toEqual([['substance-use/addict', 'heroin addict', 'error']]);
  });
});

describe('reported speech and quotation marks', () => {
  it('treats "she says she is …" and "calls himself …" as the patient\'s words', async () => {
    expect(await brief('She says she is an alcoholic and wants help.')).toEqual([['substance-use/alcoholic', 'alcoholic', 'info']]);
    expect(await brief('He calls himself a junkie.')).toEqual([['substance-use/slang-label', 'junkie', 'info']]);
    expect(await brief('He calls himself a junkie.', { quotes: 'flag' })).toEqual([['substance-use/slang-label', 'junkie', 'error']]);
  });

  it("treats a speaker describing themselves as their own words, not a clinician's first person", async () => {
    expect(await brief("I'm an addict, I know it.")).toEqual([['substance-use/addict', 'addict', 'info']]);
    expect(await brief('i refused the flu jab last year')).toEqual([['compliance/refused', 'refused', 'info']]);
    expect(await brief('I discussed his drug abuse with him.')).toEqual([['substance-use/substance-abuse', 'drug abuse', 'error']]);
    expect(isSelfDescription('Type I diabetic, on insulin.', 'Type I '.length)).toBe(false);
    expect(isSelfDescription('Axis I alcohol dependence', 'Axis I '.length)).toBe(false);
    expect(isSelfDescription('well i used to be a junkie', 'well i used to be a '.length)).toBe(true);
  });

  it("leaves the clinician's summary of a report alone", async () => {
    expect(isReportedSpeech('Patient reports heroin abuse.', 'Patient reports heroin '.length)).toBe(false);
    expect(await brief('Patient reports heroin abuse.')).toEqual([['substance-use/substance-abuse', 'heroin abuse', 'error']]);
    expect(await brief('Patient states she has been clean for 6 months.')).toEqual([['substance-use/clean-abstinent', 'been clean', 'warning']]);
  });

  it('counts straight, curly and guillemet quotation marks, and single quotes hugging a phrase', async () => {
    for (const text of [
      'He said "I am a junkie".',
      'He said \u201cI am a junkie\u201d.',
      'He said \u00abI am a junkie\u00bb.',
      "He called it his 'drug habit'.",
    ]) {
      const findings = await lintText(text);
      expect(findings.map((f) => [f.severity, f.quoted])).toEqual([['info', true]]);
    }
  });
});

describe('single and other quotation marks', () => {
  it('reads single quotation marks that open and close a quotation, and German and angle quotes', async () => {
    for (const text of [
      "He said 'I was a junkie for years' and laughed.",
      'He said \u2018I was a junkie for years\u2019 and laughed.',
      'Er sagte \u201eI was a junkie for years\u201c.',
      'He said \u2039I was a junkie for years\u203a.',
    ]) {
      expect((await lintText(text)).map((f) => [f.severity, f.quoted])).toEqual([['info', true]]);
    }
  });

  it('does not take apostrophes for quotation marks', async () => {
    for (const text of ["The patients' records show he's a junkie, don't they.", "He doesn't care; he's a junkie."]) {
      expect((await lintText(text)).map((f) => [f.severity, f.quoted ?? false])).toEqual([['error', false]]);
    }
  });
});

describe('mentions of a word', () => {
  it('reports a word talked about at info, whatever the quote policy', async () => {
    expect(await brief('The term "substance abuse" undermines the disease model.', { quotes: 'flag' })).toEqual([
      ['substance-use/substance-abuse', 'substance abuse', 'info'],
    ]);
    expect(await brief('The term addict undermines the disease model.')).toEqual([['substance-use/addict', 'addict', 'info']]);
    expect(await brief('Words like "addict" stigmatize.', { quotes: 'flag' })).toEqual([['substance-use/addict', 'addict', 'info']]);
    expect(isMention('"Addict" is a label that sticks.', 1, 7)).toBe(true);
    const named = 'This is commonly referred to as relapse.';
    expect(isMention(named, named.indexOf('relapse'), named.indexOf('.'))).toBe(true);
  });

  it('does not take a use for a mention', async () => {
    expect(isMention('In other words he is an addict.', 21, 30)).toBe(false);
    expect(await brief('The patient is an addict.')).toEqual([['substance-use/addict', 'addict', 'error']]);
  });
});

describe('text that is not prose about a patient', () => {
  it('masks URLs, e-mail addresses and file paths in plain text', async () => {
    const text = [
      'See https://example.org/drug-abuse/addict-help for more.',
      'Write to drug.abuse@example.org today.',
      'Template at /srv/templates/drug-abuse/intake.txt or notes/addict.txt.',
    ].join('\n');
    expect(await brief(text)).toEqual([]);
    expect(nonProseSpans(text).map(([, , kind]) => kind)).toEqual(['url', 'email', 'path', 'path']);
  });

  it('still reports the prose beside a URL, and takes "w/" and "h/o" for words', async () => {
    expect(await brief('Hx of drug abuse, see www.example.org.')).toEqual([['substance-use/substance-abuse', 'drug abuse', 'error']]);
    expect(await brief('Pt w/ h/o drug abuse.')).toEqual([['substance-use/substance-abuse', 'drug abuse', 'error']]);
  });

  it('masks citations, journal abbreviations and a journal-title line in a reference list', async () => {
    const refs = [
      'References',
      '1. Kelly JF, Westerhoff CM. Does it matter how we refer to individuals with substance-related conditions? Int J Drug Policy. 2010;21(3):202-207.',
      'Substance Abuse.',
      '2. Smith A, et al. Drug abuse and stigma. 2019;40(2):1-9.',
    ].join('\n');
    expect(await brief(refs)).toEqual([]);
    expect(await brief('As reported in J Addict Med. and Subst Abuse Treat Prev Policy, language matters.')).toEqual([]);
  });

  it('does not take an ordinary short line for a journal title', async () => {
    expect(await brief('Assessment:\nSubstance Abuse.\nPlan: counselling.')).toEqual([['substance-use/substance-abuse', 'Substance Abuse', 'error']]);
  });

  it('masks names of programmes, clinics and organisations in Title Case, not a heading', async () => {
    expect(await brief('He completed Drug Abuse Resistance Education in school.')).toEqual([]);
    expect(await brief('Her sister attends Adult Children of Alcoholics.')).toEqual([]);
    // After a capitalised word that opens the sentence, the name starts where its shape does.
    expect(await brief('Goes to Adult Children of Alcoholics on Mondays.')).toEqual([]);
    expect(await brief('Joined Mothers Against Drunk Driving after the crash.')).toEqual([]);
    expect(await brief('Referred to the Riverside Alcohol Abuse Clinic.')).toEqual([]);
    expect(await brief('Diagnosis: Alcohol Abuse.')).toEqual([['substance-use/substance-abuse', 'Alcohol Abuse', 'error']]);
  });

  it("masks a role a regulation names in Title Case (DOT's Substance Abuse Professional), not the lower-case words", async () => {
    expect(await brief('Referred to a Substance Abuse Professional (SAP) per 49 CFR Part 40.')).toEqual([]);
    expect(await brief('Evaluation by the Drug Abuse Professional is pending.')).toEqual([]);
    expect(await brief('Referred to a substance abuse professional for evaluation.')).toEqual([['substance-use/substance-abuse', 'substance abuse', 'error']]);
  });

  it('masks in Markdown and HTML too', async () => {
    await preloadLint();
    const resolved = resolveOptions({});
    const md = 'She attends [Adult Children of Alcoholics](https://example.org). Mail drug.abuse@example.org.';
    expect(lintDocument({ file: 'a.md', syntax: 'markdown', text: md }, resolved)).toEqual([]);
    const html = '<p>Referred to the Riverside Alcohol Abuse Clinic, https://example.org/drug-abuse.</p>';
    expect(lintDocument({ file: 'a.html', syntax: 'html', text: html }, resolved)).toEqual([]);
  });

  it('reads a very long line in segments, with the same answers', async () => {
    const filler = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    const text = `${filler} see https://example.org/drug-abuse now; hx of drug abuse ${filler} Drug Abuse Resistance Education.`;
    expect(await brief(text)).toEqual([['substance-use/substance-abuse', 'drug abuse', 'error']]);
    const spans = nonProseSpans(text);
    expect(spans.map(([s, e, kind]) => [text.slice(s, e), kind])).toEqual([
      ['https://example.org/drug-abuse', 'url'],
      ['Drug Abuse Resistance Education', 'name'],
    ]);
  });

  it("masks a data dictionary's identifiers joined by underscores, not a hashtag or the prose beside them", async () => {
    const dictionary = 'subst_abuse_hx | yesno | Any history?\nivdu_ever | yesno | Injecting ever?';
    expect(await brief(dictionary)).toEqual([]);
    expect(nonProseSpans(dictionary).map(([s, e, kind]) => [dictionary.slice(s, e), kind])).toEqual([
      ['subst_abuse_hx', 'identifier'],
      ['ivdu_ever', 'identifier'],
    ]);
    expect(await brief('ivdu_hx: IVDU since 2019')).toEqual([['substance-use/injection-drug-abuse', 'IVDU', 'error']]);
    // Inside prose an underscore is a slip: "hx of_drug abuse" is still read.
    expect(await brief('Pt with hx of_drug abuse.')).toEqual([['substance-use/substance-abuse', 'drug abuse', 'error']]);
    // A field name without an underscore, its type in the next cell.
    expect(await brief('ivdu | yesno | Injecting ever?\nIVDU | daily | since 2019')).toEqual([['substance-use/injection-drug-abuse', 'IVDU', 'error']]);
    expect(nonProseSpans('#drug_abuse and a blank ____ here')).toEqual([]);
  });

  it('gives plain data: [start, end, kind] in UTF-16 code units', () => {
    const text = 'Go to \u{1F600} https://a.org/x now';
    const [span] = nonProseSpans(text);
    expect(span).toEqual([text.indexOf('https'), text.indexOf(' now'), 'url']);
    expect(maskedAt(text, span![0] + 2, span![0] + 4)).toBe('url');
    expect(maskedAt(text, 0, 2)).toBeUndefined();
  });
});

describe('bounded context', () => {
  it('a word far away in an unpunctuated transcript does not change a match', async () => {
    const filler = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const text = `he has been clean for over fifteen years ${filler} and his skin is fine`;
    expect(await brief(text)).toEqual([['substance-use/clean-abstinent', 'been clean', 'warning']]);
    expect(await brief('he has been clean for over fifteen years and his skin is fine')).toEqual([]);
  });

  it('agrees with the whole parse on a long transcript line', () => {
    const resolved = resolveOptions({});
    const filler = Array.from({ length: 200 }, (_, i) => `so um word${i}`).join(' ');
    const text = `[doctor] ${filler} have you been clean ${filler} the wound is clean and dry ${filler}\n[patient] ok`;
    const doc = { file: '', syntax: 'text' as const, text };
    expect(lintDocument(doc, resolved)).toEqual(lintDocumentWhole(doc, resolved));
  });
});

describe('context from the previous sentence', () => {
  it("reads a rule's required context in the sentence before, in the same paragraph only", async () => {
    expect(await brief('Uses heroin daily. Relapsed last week.')).toEqual([['substance-use/relapse', 'Relapsed', 'warning']]);
    expect(await brief('Uses heroin daily.\n\nRelapsed last week.')).toEqual([]);
    expect(await brief('Knee pain for a year. Relapsed last week.')).toEqual([]);
  });

  it('agrees with the whole parse when the previous sentence lies in another window', () => {
    const resolved = resolveOptions({});
    const filler = Array.from({ length: 120 }, (_, i) => `Visit ${i} went well.`).join(' ');
    const text = `${filler} Uses heroin daily. Relapsed last week. ${filler}`;
    const doc = { file: '', syntax: 'text' as const, text };
    const fast = lintDocument(doc, resolved);
    expect(fast.map((f) => f.actual)).toEqual(['Relapsed']);
    expect(fast).toEqual(lintDocumentWhole(doc, resolved));
  });
});

describe('Markdown nodes without positions', () => {
  // remark-gfm's autolink-literal transform gives no positions to the nodes it makes from a text
  // after an unclosed "[", and mdast-util-to-nlcst skipped them: the paragraph went unlinted, and
  // a list after it crashed the linter (fast-check found "Hx [Hx ivdu@example.org Hx\n- Hx <b>").
  it('lints a paragraph with a bare address after an unclosed bracket, and never the address', async () => {
    const text = 'Known IVDU [see ivdu@example.org here\n- and IVDU <b>';
    const findings = await lintText(text, { syntax: 'markdown' });
    expect(findings.map((f) => text.slice(f.start.offset, f.end.offset))).toEqual(['IVDU', 'IVDU']);
    expect(findings.map((f) => f.start.offset)).toEqual([6, 44]);
    await expect(lintText('Hx [Hx ivdu@example.org Hx\n- Hx <b>', { syntax: 'markdown' })).resolves.toEqual([]);
  });
});
