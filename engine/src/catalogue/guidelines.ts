// Guideline sources a citation may name, with the chapters or topics letters cite them by.
export type CitationKind = 'MTUS' | 'Non-MTUS';

export interface GuidelineSource {
  id: string;
  name: string;
  kind: CitationKind;
  /** Spellings letters use for the source, matched at the start of the citation. */
  aliases: string[];
  /** Chapters or topics, matched leniently. Empty when the source has none. */
  chapters: string[];
  /** Edition numbers and years that tell this source from another of the same name ("2", "2004"). */
  editions?: string[];
  /** Words a letter may write after the name as part of it ("ODG Treatment in Workers' Comp"). */
  qualifiers?: string[];
  /** Where the source sits in the Medical Evidence Search Sequence (8 CCR 9792.21.1). */
  sequence: string;
}

const ACOEM_2004_CHAPTERS = [
  'Chapter 1 Prevention',
  'Chapter 2 General Approach to Initial Assessment and Documentation',
  'Chapter 3 Initial Approaches to Treatment',
  'Chapter 4 Work-Relatedness',
  'Chapter 5 Cornerstones of Disability Prevention and Management',
  'Chapter 6 Pain, Suffering, and the Restoration of Function',
  'Chapter 7 Independent Medical Examinations and Consultations',
  'Chapter 8 Neck and Upper Back Complaints',
  'Chapter 9 Shoulder Complaints',
  'Chapter 10 Elbow Complaints',
  'Chapter 11 Forearm, Wrist, and Hand Complaints',
  'Chapter 12 Low Back Complaints',
  'Chapter 13 Knee Complaints',
  'Chapter 14 Ankle and Foot Complaints',
  'Chapter 15 Stress Related Conditions',
];

const ACOEM_TOPICS = [
  'Low Back Disorders',
  'Cervical and Thoracic Spine Disorders',
  'Shoulder Disorders',
  'Knee Disorders',
  'Hip and Groin Disorders',
  'Hand, Wrist, and Forearm Disorders',
  'Elbow Disorders',
  'Ankle and Foot Disorders',
  'Eye Disorders',
  'Chronic Pain',
  'Opioids',
  'Initial Approaches to Treatment',
  'Occupational Interstitial Lung Disease',
  'Occupational/Work-Related Asthma',
  'Traumatic Brain Injury',
  'Workplace Mental Health',
  'Antiemetics',
  'Cannabinoids',
  'Coronavirus (COVID-19)',
];

const ODG_CHAPTERS = [
  'Ankle & Foot',
  'Burns',
  'Carpal Tunnel Syndrome',
  'Elbow',
  'Eye',
  'Forearm, Wrist & Hand',
  'Head',
  'Hernia',
  'Hip & Pelvis',
  'Knee & Leg',
  'Low Back',
  'Mental Illness & Stress',
  'Neck and Upper Back',
  'Pain (Chronic)',
  'Shoulder',
  'Pulmonary',
  'Integrated Treatment/Disability Duration Guidelines',
  'Traumatic Brain Injury',
];

const MTUS_FIRST = 'MTUS: searched first (8 CCR 9792.21.1(a)); presumed correct on the extent and scope of treatment.';
const SECOND =
  'Outside the MTUS: relied on only when the MTUS does not address the condition or its presumption is rebutted; ACOEM and ODG come next in the search sequence.';
const LATER = 'Outside the MTUS: other nationally recognized evidence-based guidelines, then peer-reviewed studies, only after the MTUS, ACOEM and ODG.';

export const guidelineSources: readonly GuidelineSource[] = [
  {
    id: 'mtus-acoem-2004',
    name: 'ACOEM Practice Guidelines, 2nd Edition (2004)',
    kind: 'MTUS',
    aliases: [
      'ACOEM Practice Guidelines, 2nd Edition (2004)',
      'ACOEM Practice Guidelines, Second Edition (2004)',
      'ACOEM Practice Guidelines, 2nd Edition',
      'ACOEM Practice Guidelines, Second Edition',
      'ACOEM 2nd Edition',
      'ACOEM Guidelines',
      'ACOEM Practice Guidelines',
      'ACOEM',
      'American College of Occupational and Environmental Medicine',
      'Occupational Medicine Practice Guidelines',
    ],
    chapters: [...ACOEM_2004_CHAPTERS, ...ACOEM_TOPICS],
    editions: ['2', '2004'],
    sequence: MTUS_FIRST,
  },
  {
    id: 'mtus-chronic-pain',
    name: 'Chronic Pain Medical Treatment Guidelines',
    kind: 'MTUS',
    aliases: [
      'Chronic Pain Medical Treatment Guidelines',
      'Chronic Pain Medical Treatment Guideline',
      'Chronic Pain Treatment Guidelines',
      'Chronic Pain Guidelines',
      'Chronic Pain',
      'CPMTG',
    ],
    chapters: [],
    sequence: MTUS_FIRST,
  },
  {
    id: 'mtus-acupuncture',
    name: 'Acupuncture Medical Treatment Guidelines',
    kind: 'MTUS',
    aliases: ['Acupuncture Medical Treatment Guidelines', 'Acupuncture Medical Treatment Guideline', 'Acupuncture Guidelines', 'Acupuncture'],
    chapters: [],
    sequence: MTUS_FIRST,
  },
  {
    id: 'mtus-postsurgical',
    name: 'Postsurgical Treatment Guidelines',
    kind: 'MTUS',
    aliases: ['Postsurgical Treatment Guidelines', 'Post-Surgical Treatment Guidelines', 'Postsurgical Guidelines', 'Postsurgical'],
    chapters: [],
    sequence: MTUS_FIRST,
  },
  {
    id: 'mtus-opioids',
    name: 'Opioids Treatment Guidelines (2016)',
    kind: 'MTUS',
    aliases: ['Opioids Treatment Guidelines', 'Opioid Treatment Guidelines', 'Opioids Guidelines'],
    chapters: [],
    sequence: MTUS_FIRST,
  },
  {
    id: 'mtus-drug-formulary',
    name: 'MTUS Drug Formulary (2018)',
    kind: 'MTUS',
    aliases: ['MTUS Drug Formulary', 'Drug Formulary', 'Formulary'],
    chapters: [],
    sequence: MTUS_FIRST,
  },
  {
    id: 'acoem-3rd',
    name: 'ACOEM Practice Guidelines, Third Edition',
    kind: 'Non-MTUS',
    aliases: [
      'ACOEM Practice Guidelines, Third Edition',
      'ACOEM Practice Guidelines, 3rd Edition',
      'ACOEM Practice Guidelines 3rd Edition',
      'ACOEM Guidelines, Third Edition',
      'ACOEM Guidelines, 3rd Edition',
      'Third Edition ACOEM Guidelines',
      'ACOEM Third Edition',
      'ACOEM 3rd Edition',
      'ACOEM Practice Guidelines',
      'ACOEM Guidelines',
      'ACOEM',
      'American College of Occupational and Environmental Medicine',
      'Occupational Medicine Practice Guidelines',
    ],
    editions: ['3', '2008', '2011'],
    chapters: [
      'Hip',
      'Hip and Groin',
      'Low Back',
      'Knee',
      'Shoulder',
      'Elbow',
      'Hand, Wrist, and Forearm',
      'Ankle and Foot',
      'Cervical and Thoracic Spine',
      'Neck',
      'Chronic Pain',
      'Opioids',
      'Eye',
      'Occupational Interstitial Lung Disease',
      'Traumatic Brain Injury',
      'Workplace Mental Health',
    ],
    sequence: SECOND,
  },
  {
    id: 'odg',
    name: 'Official Disability Guidelines (ODG)',
    kind: 'Non-MTUS',
    aliases: ['Official Disability Guidelines (ODG)', 'Official Disability Guidelines', 'ODG Treatment', 'ODG'],
    chapters: ODG_CHAPTERS,
    qualifiers: ["Treatment in Workers' Compensation", "Treatment in Workers' Comp", 'Treatment Index', 'TWC'],
    sequence: SECOND,
  },
  {
    id: 'fda',
    name: 'FDA labeling',
    kind: 'Non-MTUS',
    aliases: ['FDA', 'U.S. Food and Drug Administration', 'Food and Drug Administration'],
    chapters: [],
    sequence: LATER,
  },
  {
    id: 'national-guideline',
    name: 'Other nationally recognized evidence-based guideline',
    kind: 'Non-MTUS',
    aliases: [
      'National Guideline Clearinghouse',
      'Agency for Healthcare Research and Quality',
      'AHRQ',
      'American Academy of Orthopaedic Surgeons',
      'AAOS',
      'American College of Physicians',
      'National Institute for Health and Care Excellence',
      'NICE',
      'Medscape',
      'UpToDate',
    ],
    chapters: [],
    sequence: LATER,
  },
  {
    id: 'peer-reviewed',
    name: 'Peer-reviewed study',
    kind: 'Non-MTUS',
    aliases: ['Peer-reviewed', 'Peer reviewed'],
    chapters: [],
    sequence: 'Outside the MTUS: peer-reviewed studies come last in the evidence search sequence.',
  },
];

const CHAPTER_NOISE = new Set(['chapter', 'the', 'and', 'of', 'complaints', 'disorders', 'guidelines', 'treatment']);

/** Chapter words without noise: "Hip & Pelvis Chapter" and "Hip and Pelvis" read alike. */
export function chapterWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !CHAPTER_NOISE.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word));
}

const chapterWordsCache = new Map<string, string[]>();

/** The catalogue's chapter names are fixed, so their words are worked out once. */
function catalogueChapterWords(chapter: string): string[] {
  let words = chapterWordsCache.get(chapter);
  if (!words) {
    words = chapterWords(chapter);
    chapterWordsCache.set(chapter, words);
  }
  return words;
}

/** The catalogue chapter a cited chapter means, matched by shared words or chapter number. */
export function matchChapter(source: GuidelineSource, cited: string): string | undefined {
  const words = chapterWords(cited);
  if (words.length === 0) return undefined;
  const citedNumber = words.find((word) => /^\d+$/.test(word));
  const names = words.filter((word) => !/^\d+$/.test(word));
  // The chapter named word for word wins over one that shares only some words ("Hip and Groin" over "Hip").
  const exact = [...names].sort().join(' ');
  const named = source.chapters.find(
    (chapter) =>
      catalogueChapterWords(chapter)
        .filter((word) => !/^\d+$/.test(word))
        .sort()
        .join(' ') === exact,
  );
  if (named && exact.length > 0) return named;
  for (const chapter of source.chapters) {
    const known = catalogueChapterWords(chapter);
    const knownNumber = known.find((word) => /^\d+$/.test(word));
    if (citedNumber && knownNumber === citedNumber) return chapter;
    const knownNames = known.filter((word) => !/^\d+$/.test(word));
    if (names.length === 0 || knownNames.length === 0) continue;
    const citedInKnown = names.every((word) => knownNames.includes(word));
    const knownInCited = knownNames.every((word) => names.includes(word));
    if (citedInKnown || knownInCited) return chapter;
  }
  return undefined;
}
