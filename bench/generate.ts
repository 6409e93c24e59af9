// Generates realistic determination drafts of a given size: many disputed items, long rationales.

/** A small seeded generator (mulberry32), so every run benchmarks the same drafts. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TREATMENTS = [
  'Left Hip Cortisone Injection',
  'Lumbar Epidural Steroid Injection',
  'Physical Therapy 12 Sessions',
  'Acupuncture 6 Sessions',
  'MRI of the Cervical Spine',
  'Tramadol 50 mg #60',
  'Cyclobenzaprine 7.5 mg #30',
  'Functional Restoration Program',
  'Right Shoulder Arthroscopy',
  'Transcutaneous Electrical Nerve Stimulation Unit',
  'Urine Drug Screen',
  'Lidocaine 5% Patch #30',
  'Chiropractic Manipulation 8 Sessions',
  'Knee Brace',
  'Gabapentin 300 mg #90',
];

const SOURCES_MTUS = [
  'Chronic Pain Medical Treatment Guidelines, Opioids',
  'ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 Low Back Complaints, page(s) 300-301',
  'Acupuncture Medical Treatment Guidelines',
  'ACOEM Practice Guidelines, Low Back Disorders',
];

const SOURCES_NON_MTUS = [
  'ODG Hip and Pelvis Chapter',
  'ODG Low Back Chapter',
  'ACOEM Practice Guidelines, Third Edition, Hip Chapter, Trochanteric Glucocorticosteroid Injections',
  'ODG Pain (Chronic) Chapter',
];

const SENTENCES = [
  "Here, the applicant's hip pain has apparently proven recalcitrant to various treatments, including time, medications, physical therapy, and acupuncture.",
  'The attending provider contended that earlier acupuncture had proven unsuccessful.',
  'The applicant returned to regular duty work, which suggests a favourable response to earlier treatment.',
  'There was no evidence of functional improvement as defined in the guidelines after the earlier course of treatment.',
  'The guidelines recommend a trial of no more than a few sessions before continuing, with objective measures of progress.',
  'The progress notes did not describe a reduction in work restrictions or in the dependence on continued medical treatment.',
  'It is further noted that the applicant appears intent on employing the treatment at issue in conjunction with a program of functional restoration.',
  'The documentation on file does not establish that conservative measures were tried and failed for a reasonable period.',
  'The requesting provider did not state how the request would change the treatment plan or the prognosis.',
  'Imaging already on file showed degenerative changes without evidence of a red-flag diagnosis.',
  'The applicant remained off of work, on total temporary disability, as of the date of the request.',
  "Ongoing usage of the medication in question had failed to curtail the applicant's dependence on other analgesics, including opioid agents.",
  'The attending provider failed to outline any quantifiable decrements in pain or material improvements in function achieved as a result of ongoing usage of the same.',
  'The guidelines note that the treatment is recommended as an option in individuals who have failed at least a few weeks of conservative treatment.',
  'Moving forward with the request, thus, is indicated.',
  'The applicant was described as having issues with neuropathic pain, including radiation of pain to the lower extremities, on the date in question.',
  'Electrodiagnostic testing of the lower extremities was reportedly negative.',
  'The request, moreover, was framed as a renewal request, and there is no mention of the outcome of the prior course of treatment.',
  'The applicant has already had extensive physical therapy over the course of the claim, well in excess of the 9 to 10 sessions suggested for the diagnoses present here.',
  'The attending provider did not clearly state how the results of the proposed study would influence or alter the treatment plan.',
  'A clear rationale for treatment in excess of the guideline frequency was not furnished.',
  'Page 99 of the guidelines states that a taper is indicated when there is no overall improvement in function.',
];

const SUMMARY = [
  'The applicant filed a claim for chronic pain syndrome reportedly associated with an industrial injury of {injury}.',
  'In a Utilization Review Report dated {ur}, the claims administrator failed to approve the requests at issue.',
  "The applicants' attorney subsequently appealed.",
  'In a {note} progress note, the applicant reported persistent complaints of pain, aggravated by motion, sleeping, and pressure.',
  'The attending provider expressed his desire to pursue further treatment and noted that earlier treatment had provided only transient relief.',
  'The applicant was using a variety of analgesic medications, including tramadol and topical compounds, the treating provider reported.',
  'Earlier electrodiagnostic testing and imaging of the lumbar spine were reviewed.',
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface DraftOptions {
  /** Approximate size in bytes (ASCII, so characters). */
  size: number;
  seed?: number;
  /** A share of items carries a common defect (a UR word, a contradicted conclusion), so rules have findings to report. */
  defects?: boolean;
}

/**
 * A draft as reviewers write them: the letter's three sections, then disputed items, each with its two guideline
 * fields and a rationale of several paragraphs. Items are written in the forms seen in drafts: headings, bold
 * labels, the plain labels of a letter's PDF, fields as list items, paragraphs hard-wrapped by PDF extraction,
 * and typographic apostrophes from a word processor. The same seed gives the same draft.
 */
export function generateDraft({ size, seed = 1, defects = true }: DraftOptions): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const wordProcessor = next() < 0.3;
  // Sentences of a paragraph are drawn without repeats, as a writer would not say the same thing twice in a row.
  const paragraph = (sentences: number): string => {
    const pool = [...SENTENCES];
    const chosen: string[] = [];
    for (let i = 0; i < sentences && pool.length > 0; i++) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    const text = chosen.join(' ');
    return wordProcessor ? text.replace(/'/g, '\u2019') : text;
  };
  const year = 2014 + Math.floor(next() * 3);
  const date = (month: number, day: number, later = 0): string => `${MONTHS[(month + later) % 12]} ${day}, ${year + Math.floor((month + later) / 12)}`;
  const month = Math.floor(next() * 12);
  const summary = SUMMARY.join(' ')
    .replace('{injury}', date(month, 1 + Math.floor(next() * 28)))
    .replace('{ur}', date(month, 1 + Math.floor(next() * 28), 2))
    .replace('{note}', date(month, 1 + Math.floor(next() * 28), 1));
  const head = [
    '---',
    `case: CM${String(year).slice(2)}-${String(100000 + ((seed * 7919) % 900000)).padStart(7, '0')}`,
    'profile: ca-dwc-imr',
    '---',
    '',
    '# HOW THE IMR FINAL DETERMINATION WAS MADE',
    '',
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/Service. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.',
    '',
    'The Expert Reviewer has the following credentials:',
    '',
    `State(s) of Licensure: ${pick(['Texas, Ohio, California', 'California', 'California, Nevada', 'New York, New Jersey, California'])}`,
    '',
    `Certification(s)/Specialty: ${pick(['Preventive Medicine, Occupational Medicine', 'Physical Medicine and Rehabilitation, Pain Medicine', 'Orthopaedic Surgery', 'Family Medicine'])}`,
    '',
    '# CLINICAL CASE SUMMARY',
    '',
    'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
    '',
    summary,
    '',
    '# IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    '',
    '',
  ].join('\n');
  const parts = [head];
  let length = head.length;
  for (let number = 1; length < size; number++) {
    const item = disputedItem(number, next, pick, paragraph, defects);
    parts.push(item);
    length += item.length;
  }
  return parts.join('');
}

function disputedItem(
  number: number,
  next: () => number,
  pick: <T>(list: readonly T[]) => T,
  paragraph: (sentences: number) => string,
  defects: boolean,
): string {
  const overturned = next() < 0.5;
  const mtus = next() < 0.5;
  const defect = defects ? next() : 1;
  const decision = defect < 0.05 ? 'Approved' : defect < 0.08 ? (overturned ? 'overturned' : 'UPHELD') : overturned ? 'Overturned' : 'Upheld';
  const statement = (subject: string, based: boolean): string =>
    based
      ? `${subject} based their decision on the MTUS. Decision based on MTUS ${pick(SOURCES_MTUS)}`
      : `${subject} did not base their decision on the MTUS. Decision based on Non-MTUS Citation ${pick(SOURCES_NON_MTUS)}`;
  const necessary = defect >= 0.08 && defect < 0.11 ? !overturned : overturned;
  const style = next();
  // The plain form is the letter's own (as its PDF reads); the others are Markdown writers' habits.
  const plain = style >= 0.7;
  const label = (name: string): string => (plain ? `${name}:` : `**${name}:**`);
  // PDF extraction breaks a paragraph into lines of about 90 characters.
  const wrapped = next() < 0.25;
  const wrap = (text: string): string => (wrapped ? text.replace(/(.{60,90}?) /g, '$1\n') : text);
  const rationale = [
    `${label('Decision rationale')} ${mtus ? 'The MTUS addresses the topic.' : 'The MTUS does not address the topic.'} ${paragraph(4 + Math.floor(next() * 4))}`,
    paragraph(3 + Math.floor(next() * 5)),
    `${paragraph(2 + Math.floor(next() * 3))} Therefore, the request was ${necessary ? '' : 'not '}medically necessary.`,
  ].map(wrap);
  const name = `${pick(TREATMENTS)} (request ${number})`;
  const header = style < 0.35 ? `## ${name}: ${decision}` : plain ? `${name}:  ${decision}` : `**${name}:** ${decision}`;
  const fields = [
    `${label('Claims Administrator guideline')} ${statement('The Claims Administrator', next() < 0.5)}`,
    `${label('MAXIMUS guideline')} ${statement('The Expert Reviewer', mtus)}`,
  ];
  const body = style >= 0.55 && style < 0.7 ? fields.map((field) => `- ${field}`).join('\n') : fields.join('\n\n');
  return [header, '', body, '', ...rationale.flatMap((piece) => [piece, '']), ''].join('\n');
}

/** The four sizes the benchmark reports. */
export const BENCH_SIZES = [
  { name: '5 KB', size: 5 * 1024 },
  { name: '20 KB', size: 20 * 1024 },
  { name: '200 KB', size: 200 * 1024 },
  { name: '1 MB', size: 1024 * 1024 },
] as const;
