// Writes fixtures/inputs/handout.docx: a small Word document for the .docx reader's tests.
// A .docx is a zip of XML parts; this builds the few parts Word and mammoth need, with jszip.
// Run: node scripts/make-docx-fixture.js (the output is committed; rerun only to change it).
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (runs, style) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs.join('')}</w:p>`;
const cell = (text) => `<w:tc>${para([run(text)])}</w:tc>`;

const body = [
  para([run('Living well after an overdose')], 'Heading1'),
  para([]),
  para([run('Dear {{patient_name}}, this leaflet is for you and your family.')]),
  para([run('Naloxone can reverse an overdose. Your care team knows you are not a '), run('drug abuser'), run('; you are a person.')]),
  para([run('People once called a known heroin '), run('addict', true), run(' "hopeless". Recovery is possible. Ask us about treatment.')]),
  `<w:tbl><w:tr>${cell('Keep the wound clean and dry.')}${cell('Tell us about any IVDU history.')}</w:tr></w:tbl>`,
  para([run('The National Institute on Drug Abuse has more to read.')]),
].join('');

const zip = new JSZip();
zip.file(
  '[Content_Types].xml',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
zip.file(
  '_rels/.rels',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
);
zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
// A fixed date keeps the zip byte-identical from run to run.
const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', date: new Date('2024-01-01T00:00:00Z') });
writeFileSync(new URL('../fixtures/inputs/handout.docx', import.meta.url), bytes);
console.log(`fixtures/inputs/handout.docx: ${bytes.length} bytes`);
