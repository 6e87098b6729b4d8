// Writes the synthetic FHIR fixtures in fixtures/fhir/ (no real patient). Run from the repository root.
import { writeFileSync } from 'node:fs';
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const docRef = (id, attachments, extra = {}) => ({
  resourceType: 'DocumentReference',
  id,
  status: 'current',
  type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
  subject: { reference: 'Patient/example-1' },
  date: '2024-03-05T10:00:00Z',
  author: [{ display: 'Emergency Department' }],
  content: attachments.map((attachment) => ({ attachment })),
  ...extra,
});
const lines = [
  { resourceType: 'Patient', id: 'example-1', name: [{ family: 'Example', given: ['Alex'] }] },
  docRef('note-1', [{ contentType: 'text/plain; charset=utf-8', data: b64('Assessment:\nPt is a known drug abuser.\nClean and dry wound.') }]),
  docRef(
    'note-2',
    [
      { contentType: 'text/html', data: b64('<p>Reports itching.</p><p>The patient is <b>noncompliant</b> with insulin.</p>') },
      { contentType: 'text/markdown', data: b64('# Plan\n\n- Counsel on *alcohol abuse*\n- `addict` in code is not prose') },
    ],
    { type: { coding: [{ display: 'Discharge summary' }] }, author: [{ display: 'Internal Medicine' }], date: '2024-04-11' },
  ),
  docRef('note-3', [
    { contentType: 'application/pdf', data: b64('%PDF-1.4 not read') },
    { contentType: 'text/plain', url: 'https://ehr.example.org/Binary/77' },
  ]),
  docRef('note-4', [{ contentType: 'text/plain', data: 'this is not base64!' }]),
  { resourceType: 'Observation', id: 'obs-1', status: 'final', code: { text: 'Heart rate' }, valueQuantity: { value: 72 } },
  {
    resourceType: 'DiagnosticReport',
    id: 'report-1',
    status: 'final',
    code: { coding: [{ display: 'Psychiatry consult' }] },
    issued: '2024-05-02T09:00:00Z',
    conclusion: 'Alcoholic, suicide attempt in 2019.',
    presentedForm: [{ contentType: 'text/plain', data: b64('History of sexual abuse. Patient is a frequent flyer in the ED.') }],
  },
  {
    resourceType: 'Composition',
    id: 'comp-1',
    status: 'final',
    type: { coding: [{ display: 'Discharge summary' }] },
    date: '2024-06-01',
    author: [{ display: 'Dr. Example' }],
    title: 'Discharge',
    section: [
      { title: 'History', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>IVDU, denies pain.</p></div>' } },
      {
        title: 'Plan',
        section: [
          { title: 'Follow-up', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Refer the substance abuser to clinic.</div>' } },
        ],
      },
    ],
  },
];
writeFileSync('fixtures/fhir/bulk-export.ndjson', `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
const bundle = {
  resourceType: 'Bundle',
  id: 'bundle-1',
  type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:1', resource: docRef('bundled-1', [{ contentType: 'text/plain', data: b64('He is an addict.') }]) },
    { fullUrl: 'urn:uuid:2', resource: { resourceType: 'Patient', id: 'example-2' } },
    { fullUrl: 'urn:uuid:3', resource: docRef('bundled-2', [{ contentType: 'text/plain', url: 'Binary/88' }]) },
  ],
};
writeFileSync('fixtures/fhir/bundle.json', `${JSON.stringify(bundle, null, 2)}\n`);
