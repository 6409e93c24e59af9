// Boards, subspecialties and non-physician disciplines an expert reviewer may list.
export const abmsBoards: readonly string[] = [
  'Allergy and Immunology', 'Anesthesiology', 'Colon and Rectal Surgery', 'Dermatology',
  'Emergency Medicine', 'Family Medicine', 'Internal Medicine', 'Medical Genetics and Genomics',
  'Neurological Surgery', 'Nuclear Medicine', 'Obstetrics and Gynecology', 'Ophthalmology',
  'Orthopaedic Surgery', 'Otolaryngology - Head and Neck Surgery', 'Pathology', 'Pediatrics',
  'Physical Medicine and Rehabilitation', 'Plastic Surgery', 'Preventive Medicine',
  'Psychiatry and Neurology', 'Radiology', 'Surgery', 'Thoracic Surgery', 'Urology',
];

export const subspecialties: readonly string[] = [
  'Occupational Medicine', 'Pain Medicine', 'Sports Medicine', 'Spine Surgery', 'Hand Surgery',
  'Orthopedic Surgery', 'Psychiatry', 'Neurology', 'Addiction Medicine', 'Rheumatology',
  'Cardiology', 'Cardiovascular Disease', 'Gastroenterology', 'Pulmonary Disease',
  'Infectious Disease', 'Endocrinology', 'Nephrology', 'Hematology', 'Oncology',
  'Medical Oncology', 'Critical Care Medicine', 'Geriatric Medicine', 'Hospice and Palliative Medicine',
  'Sleep Medicine', 'Clinical Neurophysiology', 'Interventional Radiology', 'Vascular Surgery',
  'General Surgery', 'Neurosurgery', 'Foot and Ankle Surgery', 'Aerospace Medicine',
  'Public Health and General Preventive Medicine', 'Undersea and Hyperbaric Medicine',
  'Brain Injury Medicine', 'Spinal Cord Injury Medicine', 'Neuromuscular Medicine',
  'Otolaryngology', 'Obstetrics', 'Gynecology', 'Pediatric Rehabilitation Medicine',
];

export const nonPhysicianDisciplines: readonly string[] = [
  'Chiropractic', 'Acupuncture', 'Psychology', 'Clinical Psychology', 'Neuropsychology',
  'Physical Therapy', 'Occupational Therapy', 'Podiatry', 'Podiatric Medicine', 'Dentistry',
  'Oral and Maxillofacial Surgery', 'Optometry', 'Pharmacy', 'Speech-Language Pathology',
];

export const knownSpecialties: readonly string[] = [...abmsBoards, ...subspecialties, ...nonPhysicianDisciplines];
