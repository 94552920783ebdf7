/**
 * The demo portal's cast: owners, companies by industry, people, and task wordings. Robotic
 * task subjects are the generic prompts Unrobot exists to rewrite (several languages); specific
 * ones name a concrete deliverable and must never get a card. `{first}`, `{last}` and
 * `{company}` are filled in per task.
 */
export const OWNERS = [
  { first: 'Jane', last: 'Okafor', email: 'jane.okafor@demo-unrobot.example', team: 'Mid-market' },
  { first: 'Tomás', last: 'Herrera', email: 'tomas.herrera@demo-unrobot.example', team: 'Mid-market' },
  { first: 'Mei', last: 'Lin', email: 'mei.lin@demo-unrobot.example', team: 'Enterprise' },
  { first: 'Lukas', last: 'Brandt', email: 'lukas.brandt@demo-unrobot.example', team: 'Enterprise' },
  { first: 'Priya', last: 'Raman', email: 'priya.raman@demo-unrobot.example', team: 'Customer success' },
] as const;

/** [name, domain, HubSpot industry value, employees, city, country] */
export const COMPANIES: ReadonlyArray<readonly [string, string, string, number, string, string]> = [
  ['Acme Robotics', 'acmerobotics.example', 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 420, 'Pittsburgh', 'United States'],
  ['Brightline Logistics', 'brightline-logistics.example', 'LOGISTICS_AND_SUPPLY_CHAIN', 1_200, 'Rotterdam', 'Netherlands'],
  ['Cedar Health Partners', 'cedarhealth.example', 'HOSPITAL_HEALTH_CARE', 2_300, 'Minneapolis', 'United States'],
  ['Dovetail Software', 'dovetail-sw.example', 'COMPUTER_SOFTWARE', 85, 'Austin', 'United States'],
  ['Evergreen Retail Group', 'evergreen-retail.example', 'RETAIL', 5_400, 'Manchester', 'United Kingdom'],
  ['Fjord Financial', 'fjordfinancial.example', 'FINANCIAL_SERVICES', 640, 'Oslo', 'Norway'],
  ['Granite Learning', 'granitelearning.example', 'EDUCATION_MANAGEMENT', 150, 'Toronto', 'Canada'],
  ['Harbor Freight Systems', 'harborfreight-sys.example', 'LOGISTICS_AND_SUPPLY_CHAIN', 780, 'Hamburg', 'Germany'],
  ['Ionic Labs', 'ioniclabs.example', 'COMPUTER_SOFTWARE', 40, 'Berlin', 'Germany'],
  ['Juniper Clinics', 'juniperclinics.example', 'HOSPITAL_HEALTH_CARE', 960, 'Lyon', 'France'],
  ['Kestrel Manufacturing', 'kestrel-mfg.example', 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 1_750, 'Stuttgart', 'Germany'],
  ['Lumen Banking Tech', 'lumenbank.example', 'FINANCIAL_SERVICES', 310, 'Madrid', 'Spain'],
  ['Meridian Outfitters', 'meridian-outfitters.example', 'RETAIL', 230, 'Denver', 'United States'],
  ['Northwind Traders', 'northwind.example', 'LOGISTICS_AND_SUPPLY_CHAIN', 520, 'Seattle', 'United States'],
  ['Orchard Academy Online', 'orchardacademy.example', 'EDUCATION_MANAGEMENT', 60, 'Dublin', 'Ireland'],
  ['Pioneer Diagnostics', 'pioneerdx.example', 'HOSPITAL_HEALTH_CARE', 410, 'Boston', 'United States'],
  ['Quarry Analytics', 'quarryanalytics.example', 'COMPUTER_SOFTWARE', 120, 'London', 'United Kingdom'],
  ['Riverside Credit Union', 'riversidecu.example', 'FINANCIAL_SERVICES', 275, 'Portland', 'United States'],
  ['Solstice Home Goods', 'solsticehome.example', 'RETAIL', 890, 'Barcelona', 'Spain'],
  ['Titan Precision Parts', 'titanprecision.example', 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 330, 'Turin', 'Italy'],
  ['Umbra Security', 'umbrasec.example', 'COMPUTER_SOFTWARE', 210, 'Tel Aviv', 'Israel'],
  ['Vantage School District', 'vantage-schools.example', 'EDUCATION_MANAGEMENT', 3_100, 'Phoenix', 'United States'],
  ['Willow Pharmacy Chain', 'willowpharmacy.example', 'HOSPITAL_HEALTH_CARE', 1_400, 'Leeds', 'United Kingdom'],
  ['Xenon Freight', 'xenonfreight.example', 'LOGISTICS_AND_SUPPLY_CHAIN', 95, 'Antwerp', 'Belgium'],
  ['Yardley Wealth', 'yardleywealth.example', 'FINANCIAL_SERVICES', 70, 'Zurich', 'Switzerland'],
  ['Zephyr Outdoor Co', 'zephyroutdoor.example', 'RETAIL', 160, 'Vancouver', 'Canada'],
  ['Atlas Tooling', 'atlastooling.example', 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING', 640, 'Lyon', 'France'],
];

export const FIRST_NAMES = [
  'Maria', 'Jane', 'Brian', 'Aisha', 'Carlos', 'Sofia', 'David', 'Yuki', 'Lena', 'Omar', 'Grace', 'Mateo',
  'Hannah', 'Ravi', 'Chloe', 'Felix', 'Amara', 'Jonas', 'Elena', 'Noah', 'Ines', 'Samuel', 'Zara', 'Pierre',
  'Nadia', 'Ethan', 'Lucia', 'Kwame', 'Freya', 'Diego',
];

export const LAST_NAMES = [
  'Johnson', 'Fischer', 'Nakamura', 'Okonkwo', 'García', 'Rossi', 'Dubois', 'Kowalski', 'Haddad', 'Larsen',
  'Murphy', 'Schmidt', 'Silva', 'Novak', 'Patel', 'Bauer', 'Moreau', 'Andersson', 'Costa', 'Walsh',
];

export const JOB_TITLES = ['VP Operations', 'Head of IT', 'CFO', 'Procurement Manager', 'Director of Sales', 'COO', 'Project Lead', 'CTO', 'Office Manager', 'Head of Customer Experience'];

/** Generic prompts: Unrobot should turn each into one card. */
export const ROBOTIC_SUBJECTS = [
  'Follow up', 'Follow up now', 'Check in with {first}', 'Touch base 🙂', 'Touch base', 'Follow-up call',
  'Reach out to {first}', 'Ping {first}', 'Circle back with {company}', 'Follow up with {first} {last}', 'Just checking in',
  'Check-in', 'Quick follow up', 'Reconnect with {first}', 'Call {first} - follow up', 'Follow up ASAP!!',
  'Nachfassen', 'Nachfassen bei {company}', 'Relancer {first}', 'Faire un suivi', 'Hacer seguimiento', 'Seguimiento con {first}',
  'Dar seguimiento a {company}', 'Ricontattare {first}',
];

/** Concrete deliverables: Unrobot must leave these alone. */
export const SPECIFIC_SUBJECTS = [
  'Send {first} the revised SOW with the phased rollout',
  'Book the security review with {company}\'s IT lead for Tuesday',
  'Share the ROI model {first} asked for on Thursday\'s call',
  'Confirm the pilot scope with {first}: 3 warehouses, 40 users',
  'Send {first} the reference contact at Northwind they asked about',
  'Draft the renewal quote for {company} with the multi-year discount',
  'Introduce {first} to our onboarding lead Priya',
  'Answer {first}\'s question about SSO with Okta',
  'Prepare the QBR deck for {company} with last quarter\'s usage trends',
  'Return the signed DPA to {company}\'s legal team',
  'Ask finance whether {company} can be invoiced quarterly',
  'Enviar a {first} la propuesta revisada con precios en euros',
  '{first} den überarbeiteten Rahmenvertrag mit Staffelpreisen schicken',
  'Envoyer à {first} le planning de déploiement phase 2',
  'Schedule the API rate-limit deep-dive with {first}\'s engineers',
  'Send {company} the W-9 and banking details for vendor setup',
  'Log the outcome of {first}\'s trial of the forecasting module',
  'Reserve the demo sandbox for {company}\'s procurement team on the 14th',
];

export const ROBOTIC_BODIES = ['', 'Automated task created by sequence step.', 'Follow up on previous email.', 'Check in and see where things stand.', ''];

export const SEQUENCES = ['Post-demo nurture', 'Cold outbound Q3', 'Renewal reminder', 'Webinar follow-up'];
export const WORKFLOWS = ['Deal stalled > 14 days', 'New MQL assignment', 'No activity in 30 days'];
