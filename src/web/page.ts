/// <reference lib="dom" />
// The paste-a-note page (dist/web/index.html): lints the textarea as the person types, marks each
// finding in place (a copy of the text behind the transparent textarea carries the marks), lists
// the findings with the rule's reason and suggestion buttons, and applies a suggestion on click.
// The lint runs here (core.ts); the page's Content-Security-Policy forbids any connection.
import { editedPhrase, splitAdvice, suggestionEdit } from './apply-suggestion.js';
import { type Finding, lint, ready } from './core.js';
import { relintDelay } from './relint-delay.js';
import { droppedText } from './dropped-text.js';
import bibliography from 'dignify:sources';

// The list shows the first findings only; every finding is still underlined in the text and
// counted. 12,943 listed findings (1 MB pasted) were 165,000 elements, rebuilt at each lint, and
// froze the page for seconds after every pause in typing (a newcomer trial).
const LIST_MAX = 200;

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`dignify page: #${id} is missing`);
  return el;
}

const note = $('note') as HTMLTextAreaElement;
const backdrop = $('backdrop');
const highlights = $('highlights');
const popover = $('popover');
const field = $('field');
const list = $('findings');
const summary = $('summary');
const copyStatus = $('copy-status');

let findings: Finding[] = [];
let linted = '';
let loaded = false;
let timer: ReturnType<typeof setTimeout> | undefined;
// Escape closed the pop-up: it stays closed until the caret moves or the text changes (focus coming
// back to the note after Escape in the pop-up reopened it at once: a newcomer trial).
let dismissedAt: number | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const child of children) node.append(child);
  return node;
}

const quote = (s: string) => `\u201c${s}\u201d`;
const SOURCES = new Map(bibliography.map((s) => [s.key, s]));
// The sources lists a reader opened, by rule and words (sourceList).
const openSources = new Set<string>();

/**
 * The works a finding's rule cites (rules/sources.yaml), as --why, `dignify explain` and an editor's
 * hover list them: folded under "Sources (n)", each title a link that opens in a new tab (it sends
 * no note text: no referrer). The page showed none (a newcomer trial).
 */
function sourceList(f: Finding): HTMLDetailsElement | undefined {
  const keys = f.sources ?? [];
  if (keys.length === 0) return undefined;
  const items = keys.map((key) => {
    const s = SOURCES.get(key);
    if (!s) return el('li', { text: key });
    const link = el('a', { text: s.title });
    link.href = s.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    return el('li', {}, link, document.createTextNode(` (${s.by}, ${s.year})`));
  });
  const details = el('details', { className: 'sources' }, el('summary', { text: `Sources (${keys.length})` }), el('ul', {}, ...items));
  // Open again if the reader had opened it: the list is drawn anew after every pause in typing,
  // which folded them shut (a newcomer trial).
  const key = `${f.ruleId}\u0000${f.actual.toLowerCase()}`;
  details.open = openSources.has(key);
  details.addEventListener('toggle', () => {
    if (details.open) openSources.add(key);
    else openSources.delete(key);
  });
  return details;
}
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The finding whose words hold the caret (or the selection's start). */
function findingAt(offset: number): number {
  return findings.findIndex((f) => f.start.offset <= offset && offset <= f.end.offset);
}

function renderHighlights(text: string): void {
  const parts: Node[] = [];
  let cursor = 0;
  findings.forEach((f, i) => {
    parts.push(document.createTextNode(text.slice(cursor, f.start.offset)));
    const mark = el('mark', { className: f.severity, text: text.slice(f.start.offset, f.end.offset) });
    mark.dataset.index = String(i);
    parts.push(mark);
    cursor = f.end.offset;
  });
  // A final line break needs a character after it to take up its line, as in the textarea.
  parts.push(document.createTextNode(`${text.slice(cursor)}\u200b`));
  highlights.replaceChildren(...parts);
  syncScroll();
}

function syncScroll(): void {
  backdrop.scrollTop = note.scrollTop;
  backdrop.scrollLeft = note.scrollLeft;
}

function suggestionButtons(f: Finding, index: number, where: string): HTMLElement {
  const group = el('div', { className: 'suggestions' });
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', `Suggestions for ${quote(f.actual)}`);
  // A suggestion no click may put in (quoted words, a fix withheld, an instruction or a placeholder,
  // or one --fix's checks refuse here: apply-suggestion.ts) is shown as text to reword by hand; a
  // button that did nothing, or put "describe the behaviour observed" in the note, was worse.
  const byHand: string[] = [];
  for (const suggestion of f.suggestions) {
    const edit = suggestionEdit(note.value, f, suggestion);
    if (!edit) {
      byHand.push(suggestion);
      continue;
    }
    const { advice } = splitAdvice(suggestion);
    const words = editedPhrase(note.value, f, edit);
    const button = el('button', { className: 'suggestion', text: words });
    if (advice) button.append(' ', el('span', { className: 'advice', text: advice }));
    button.type = 'button';
    button.setAttribute('aria-label', `Replace ${quote(f.actual)} with ${quote(words)}${advice ? ` ${advice}` : ''}`);
    button.dataset.index = String(index);
    button.dataset.suggestion = suggestion;
    button.dataset.where = where;
    group.append(button);
  }
  if (byHand.length) group.append(el('p', { className: 'by-hand', text: `Reword by hand: ${byHand.join('; ')}` }));
  return group;
}

function renderList(): void {
  const items = findings.slice(0, LIST_MAX).map((f, i) => {
    const phrase = el('button', { className: 'phrase', text: quote(f.actual) });
    phrase.type = 'button';
    phrase.dataset.index = String(i);
    phrase.setAttribute('aria-label', `${quote(f.actual)}: show in the note`);
    const heading = el('h3', {}, phrase, el('span', { className: `severity ${f.severity}`, text: f.severity }));
    const body: Node[] = [heading, el('p', { className: 'message', text: f.message })];
    if (f.note) body.push(el('p', { className: 'reason', text: f.note }));
    if (f.suggestions.length) body.push(suggestionButtons(f, i, 'list'));
    const sources = sourceList(f);
    if (sources) body.push(sources);
    body.push(el('p', { className: 'rule' }, document.createTextNode('Rule '), el('code', { text: f.ruleId })));
    const item = el('li', { className: `finding ${f.severity}` }, ...body);
    item.dataset.index = String(i);
    return item;
  });
  list.replaceChildren(...items);
}

function renderSummary(): void {
  if (!loaded) return;
  if (note.value.trim() === '') summary.textContent = 'No text yet.';
  else if (findings.length === 0) summary.textContent = 'No findings: nothing to reconsider.';
  else {
    const bySeverity = ['error', 'warning', 'info']
      .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => plural(n, s, s === 'info' ? s : `${s}s`));
    const listed = findings.length > LIST_MAX ? ` The list shows the first ${LIST_MAX}; all are underlined in the note.` : '';
    summary.textContent = `${plural(findings.length, 'finding', 'findings')} (${bySeverity.join(', ')}).${listed}`;
  }
}

/** Shows the finding at the caret: marked in the text and the list, with its suggestions beside it. */
function showCurrent(): void {
  if (dismissedAt !== undefined && (note.selectionStart !== dismissedAt || note.value !== linted)) dismissedAt = undefined;
  const index = document.activeElement === note && dismissedAt === undefined ? findingAt(note.selectionStart) : -1;
  for (const node of document.querySelectorAll('.current')) node.classList.remove('current');
  if (index < 0) {
    if (!popover.contains(document.activeElement)) popover.hidden = true;
    return;
  }
  const f = findings[index]!;
  highlights.querySelector(`mark[data-index="${index}"]`)?.classList.add('current');
  const item = list.querySelector(`li[data-index="${index}"]`);
  item?.classList.add('current');
  popover.replaceChildren(
    el('p', { className: 'message', text: f.message }),
    ...(f.note ? [el('p', { className: 'reason', text: f.note })] : []),
    ...(f.suggestions.length ? [suggestionButtons(f, index, 'popover')] : []),
  );
  popover.setAttribute('aria-label', `Suggestions for ${quote(f.actual)}`);
  placePopover(index);
  popover.hidden = false;
}

function placePopover(index: number): void {
  const mark = highlights.querySelector(`mark[data-index="${index}"]`);
  if (!mark) return;
  const box = mark.getBoundingClientRect();
  const frame = field.getBoundingClientRect();
  const top = Math.min(box.bottom - frame.top + 6, frame.height + 6);
  popover.style.top = `${Math.max(0, top)}px`;
  popover.style.left = `${Math.max(0, Math.min(box.left - frame.left, frame.width - 260))}px`;
}

// How long the last lint took, with drawing (ms): the pause before the next waits on it (relint-delay.ts).
let lastLintMs = 0;

function run(): void {
  // A lint still due (an edit's input event) would render the list again and take the focus from
  // the button a keyboard user is on.
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const text = note.value;
  const started = performance.now();
  linted = text;
  findings = text.trim() === '' ? [] : lint(text);
  renderHighlights(text);
  renderList();
  renderSummary();
  showCurrent();
  lastLintMs = performance.now() - started;
}

function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(run, relintDelay(note.value.length, lastLintMs));
}

/**
 * The finding of the current text that is `old` (a finding of `before`), or -1: typing since the
 * last lint moves findings and renumbers them, so a button's index may name another finding (a
 * newcomer trial's click replaced "IVDU" typed before "heroin addict" with the addict's suggestion).
 * The text both share at its start and end is unchanged; a finding there keeps its rule and words.
 */
function sameFinding(before: string, old: Finding): number {
  const after = note.value;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const shift = old.end.offset <= head ? 0 : old.start.offset >= before.length - tail ? after.length - before.length : undefined;
  if (shift === undefined) return -1; // the typing touched its words
  return findings.findIndex((f) => f.ruleId === old.ruleId && f.actual === old.actual && f.start.offset === old.start.offset + shift);
}

/** Replaces [start, end) of the note with `text` as typing would, so the browser's undo (Ctrl+Z) can take it back. */
function replaceInNote(start: number, end: number, text: string): void {
  note.focus();
  note.setSelectionRange(start, end);
  // execCommand is deprecated but the one way an edit joins a textarea's undo history (Chrome,
  // Edge, Safari, Firefox); setting .value wiped it. Where it is refused, the edit is made all the same.
  if (!document.execCommand('insertText', false, text) || note.value.slice(start, start + text.length) !== text) note.setRangeText(text, start, end, 'end');
}

function apply(index: number, suggestion: string, from: 'list' | 'popover'): void {
  let at = index;
  if (note.value !== linted) {
    // Typed since the last lint: the finding must still be there, as the same finding.
    const before = linted;
    const old = findings[index];
    run();
    at = old ? sameFinding(before, old) : -1;
  }
  const f = findings[at];
  if (!f) return;
  const edit = suggestionEdit(note.value, f, suggestion);
  if (!edit) return;
  const words = editedPhrase(note.value, f, edit);
  replaceInNote(edit.range[0], edit.range[1], edit.text);
  const caret = edit.range[0] + edit.text.length;
  note.setSelectionRange(caret, caret);
  run();
  copyStatus.textContent = '';
  summary.textContent = `Replaced ${quote(f.actual)} with ${quote(words)}. ${summary.textContent ?? ''}`;
  if (from === 'popover') {
    note.focus();
    return;
  }
  // Keep keyboard users in the list: the next finding now has this one's place.
  const next = list.querySelector<HTMLButtonElement>(`li[data-index="${Math.min(index, findings.length - 1)}"] button.phrase`);
  if (next) next.focus();
  else $('findings-heading').focus();
}

function select(index: number): void {
  const f = findings[index];
  if (!f) return;
  note.focus();
  note.setSelectionRange(f.start.offset, f.end.offset);
  showCurrent();
}

async function copy(): Promise<void> {
  const text = note.value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No asynchronous clipboard (an older browser, or a page opened without permission): copy the selection.
    note.focus();
    note.select();
    if (!document.execCommand('copy')) {
      copyStatus.textContent = 'Could not copy: select the text and press Ctrl+C (⌘C on a Mac).';
      return;
    }
  }
  copyStatus.textContent = `Copied the revised text (${plural(text.length, 'character', 'characters')}).`;
}

function onClick(event: Event): void {
  const button = (event.target as HTMLElement).closest('button');
  if (!button) return;
  const index = Number(button.dataset.index);
  if (button.classList.contains('suggestion')) apply(index, button.dataset.suggestion ?? '', button.dataset.where === 'popover' ? 'popover' : 'list');
  else if (button.classList.contains('phrase')) select(index);
}

note.addEventListener('input', () => {
  copyStatus.textContent = '';
  schedule();
});
note.addEventListener('scroll', syncScroll);
note.addEventListener('keyup', showCurrent);
note.addEventListener('click', showCurrent);
note.addEventListener('focus', showCurrent);
document.addEventListener('selectionchange', () => {
  if (document.activeElement === note && note.value === linted) showCurrent();
});
field.addEventListener('focusout', (event) => {
  const to = (event as FocusEvent).relatedTarget as Node | null;
  if (!to || !field.contains(to)) popover.hidden = true;
});
function dismiss(): void {
  popover.hidden = true;
  dismissedAt = note.selectionStart;
}
note.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !popover.hidden) {
    event.preventDefault();
    dismiss();
  }
});
popover.addEventListener('keydown', (event) => {
  if ((event as KeyboardEvent).key === 'Escape') {
    dismiss();
    note.focus();
  }
});
window.addEventListener('resize', () => {
  syncScroll();
  showCurrent();
});
new ResizeObserver(syncScroll).observe(note);
popover.addEventListener('click', onClick);
list.addEventListener('click', onClick);
// A file dropped on the page: the browser would open it in the tab and lose the note (a newcomer
// trial). A plain-text file goes into the note at the caret, read here (nothing is sent); anything
// else is refused with a word on what to use instead. Dragged text is left to the note field.
const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
window.addEventListener('dragover', (event) => {
  if (hasFiles(event)) event.preventDefault();
});
window.addEventListener('drop', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  if (!(file.type.startsWith('text/') || /\.(?:txt|md|markdown|text)$/i.test(file.name))) {
    copyStatus.textContent = `${file.name} is not a plain-text file: paste its text, or check Word documents with the dignify command.`;
    return;
  }
  void file.text().then((text) => {
    const [start, end] = [note.selectionStart, note.selectionEnd];
    // A blank line between the file's text and the note's around it (dropped-text.ts).
    replaceInNote(start, end, droppedText(note.value.slice(0, start), text, note.value.slice(end)));
    copyStatus.textContent = `Put the text of ${file.name} in the note.`;
    run();
  });
});
$('copy').addEventListener('click', () => void copy());
$('clear').addEventListener('click', () => {
  // As an edit, so Ctrl+Z brings the note back (setting .value lost it for good: a newcomer trial).
  replaceInNote(0, note.value.length, '');
  run();
  note.focus();
});

ready().then(
  () => {
    loaded = true;
    run();
  },
  (error: unknown) => {
    summary.textContent = `The rules could not be loaded: ${String(error)}`;
  },
);
