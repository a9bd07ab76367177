/**
 * Names as the matcher compares them: transliterated to Latin letters, lower case, without accents or
 * punctuation, split into tokens, each token reduced to a canonical spelling (Korean, Russian and Arabic
 * romanisation variants, organisation legal forms). Word order never matters: names are compared as token sets.
 */
import anyAscii from "any-ascii";
import { doubleMetaphone } from "double-metaphone";

/** Hangul syllables and Han characters romanise to one syllable each; spaced, they become tokens of their own. */
const SYLLABIC = /[\p{Script=Hangul}\p{Script=Han}]/gu;

/** Latin letters and digits only: other scripts through any-ascii (Cyrillic, Arabic, Greek, Hangul, Han, ...). */
export function transliterate(text: string): string {
  return anyAscii(text.normalize("NFC").replace(SYLLABIC, (ch) => ` ${ch} `));
}

/** Multi-word legal forms first (longest first), so "limited liability company" is one token, not three. */
const LEGAL_FORM_PHRASES: [RegExp, string][] = [
  [/\b(public|open|closed|private) joint stock company\b/g, "jsc"],
  [/\bjoint[ -]stock company\b/g, "jsc"],
  [/\b(publichnoe|otkrytoe|zakrytoe) aktsionernoe obshchestvo\b/g, "jsc"],
  [/\baktsionernoe obshchestvo\b/g, "jsc"],
  [/\blimited liability company\b/g, "llc"],
  [/\bobshchestvo s ogranichennoi otvetstvennostiu\b/g, "llc"],
  [/\bobshchestvo s ogranichennoy otvetstvennostyu\b/g, "llc"],
  [/\btovarystvo z obmezhenoiu vidpovidalnistiu\b/g, "llc"],
  [/\bco ltd\b/g, "ltd"],
  [/\bcompany limited\b/g, "ltd"],
  [/\bl l c\b/g, "llc"],
];

/** Single-token legal forms -> canonical form. These tokens weigh little in a score (see tokenWeight). */
const LEGAL_FORMS: Record<string, string> = {
  llc: "llc",
  ooo: "llc",
  tov: "llc",
  jsc: "jsc",
  pjsc: "jsc",
  ojsc: "jsc",
  cjsc: "jsc",
  ao: "jsc",
  oao: "jsc",
  zao: "jsc",
  pao: "jsc",
  ltd: "ltd",
  limited: "ltd",
  co: "co",
  company: "co",
  corp: "co",
  corporation: "co",
  inc: "inc",
  incorporated: "inc",
  gmbh: "gmbh",
  plc: "plc",
  llp: "llp",
  sa: "sa",
  ag: "ag",
  bv: "bv",
  nv: "nv",
  fze: "fze",
  fzco: "fze",
  fzc: "fze",
  sarl: "sarl",
  srl: "srl",
  spa: "spa",
  pte: "pte",
  pvt: "pvt",
  bhd: "bhd",
  sdn: "sdn",
};

/**
 * Romanisation variants -> one spelling. Korean (McCune-Reischauer, Revised Romanisation and common spellings),
 * Russian given names, Arabic name parts. Regular endings are handled by rules in `canonicalToken`.
 */
const VARIANT_GROUPS: string[][] = [
  // Korean family names and syllables
  ["li", "ri", "lee", "rhee", "yi", "rie", "yee"],
  ["kim", "gim"],
  ["pak", "park", "bak", "bag"],
  ["choe", "choi", "chwe"],
  ["jong", "jeong", "chong", "jung", "chung"],
  ["kang", "gang"],
  ["yun", "yoon"],
  ["kyong", "gyong", "kyung", "gyeong", "kyeong", "kyoung", "gyoung"],
  ["chol", "cheol", "chul"],
  ["yong", "yeong", "young"],
  ["song", "seong", "sung"],
  ["hyon", "hyun", "hyeon"],
  ["chon", "cheon", "chun"],
  ["sok", "seok", "suk"],
  ["myong", "myung", "myeong"],
  ["su", "soo"],
  ["hui", "hee", "hi"],
  ["il", "ill"],
  ["ku", "koo", "gu"],
  ["ryong", "ryung", "lyong"],
  ["kwang", "gwang"],
  ["kil", "gil"],
  // Russian given names
  ["aleksandr", "alexander", "aleksander", "alexandr", "alexandre", "aleksandre"],
  ["aleksey", "alexey", "aleksei", "alexei", "alexej", "aleksej"],
  ["sergey", "sergei", "serguei", "sergej"],
  ["yury", "yuri", "iouri", "juri", "yuriy", "yurii"],
  ["mikhail", "mikhael", "michail", "mihail"],
  ["yevgeny", "evgeny", "evgeniy", "yevgeniy", "evgenii", "yevgenii"],
  ["maria", "mariya", "mariia", "mariya"],
  ["natalia", "natalya", "nataliya"],
  ["vyacheslav", "viacheslav"],
  // Arabic name parts
  ["muhammad", "mohammed", "mohammad", "mohamed", "muhammed", "mohamad", "mouhamed", "mohd", "mhmd", "muhamad"],
  ["ahmad", "ahmed"],
  ["abd", "abdul", "abdel", "abdol", "abdal", "abdu"],
  ["bin", "ben", "ibn", "bn"],
  ["abu", "abou"],
  ["husayn", "hussein", "husain", "hussain", "hosein", "hossein", "husein"],
  ["hasan", "hassan"],
  ["usama", "osama"],
  ["umar", "omar"],
  ["yusuf", "youssef", "yousef", "yusef", "yousif", "yousuf"],
  ["abdallah", "abdullah", "abdalla", "abdulla"],
];
const VARIANTS = new Map(VARIANT_GROUPS.flatMap((group) => group.map((v) => [v, group[0]] as const)));

/** Articles and particles: present in one spelling, absent in another ("Abd al-Rahman", "Abdul Rahman"). */
const PARTICLES = new Set(["al", "el", "ul", "ad", "ar", "as", "ash", "az", "of", "the", "and", "de", "la", "del", "da", "van", "von"]);

/** "abdulrahman" -> "abd rahman": a joined Arabic "servant of" prefix is split off. */
const ABD_PREFIX = /^(abdul|abdel|abdal|abdol)([a-z]{3,})$/;

export function canonicalToken(token: string): string {
  if (LEGAL_FORMS[token]) return LEGAL_FORMS[token];
  const known = VARIANTS.get(token);
  if (known) return known;
  let t = token;
  if (/^[a-z]+$/.test(t) && t.length > 4) {
    t = t.replace(/x/g, "ks"); // Alexeev/Alekseev
    t = t.replace(/(iy|ij|ii|yj|yy)$/, "y"); // Dmitriy/Dmitrii/Dmitry, Bogdanovskiy/-skii/-sky
    t = t.replace(/(ei|ej)$/, "ey"); // Andrei/Andrey
    t = t.replace(/(iya|iia)$/, "ia"); // Valeriya/Valeriia/Valeria
  }
  return VARIANTS.get(t) ?? t;
}

export interface Token {
  /** Canonical spelling (see canonicalToken). */
  text: string;
  /** How much the token counts in a score: legal forms and particles little, the rest fully. */
  weight: number;
}

/** Words of legal forms that survive when the whole phrase was not recognised (a typo in "limited liability company"). */
const LEGAL_FORM_WORDS = new Set(["liability", "joint", "stock", "aktsionernoe", "obshchestvo"]);

export function tokenWeight(text: string): number {
  if (Object.values(LEGAL_FORMS).includes(text) || LEGAL_FORM_WORDS.has(text)) return 0.2;
  if (PARTICLES.has(text)) return 0.1;
  return 1;
}

/** Lower-case Latin words of a name, accents and punctuation removed ("O'Brien" -> "obrien", "Kyong-sik" -> two). */
export function plainWords(name: string): string[] {
  return transliterate(name)
    .toLowerCase()
    .replace(/['’`ʼ]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Names recur across queries (every search scores hundreds of candidates' names): tokenise each once. */
const MAX_CACHED = 100_000;
const tokenCache = new Map<string, Token[]>();
const plainCache = new Map<string, string>();
const phoneticCache = new Map<string, string>();

/** A name as canonical tokens, in their original order. */
export function tokenise(name: string): Token[] {
  let tokens = tokenCache.get(name);
  if (!tokens) {
    if (tokenCache.size >= MAX_CACHED) tokenCache.clear();
    tokens = tokeniseUncached(name);
    tokenCache.set(name, tokens);
  }
  return tokens;
}

function tokeniseUncached(name: string): Token[] {
  let text = plainWords(name).join(" ");
  for (const [phrase, form] of LEGAL_FORM_PHRASES) text = text.replace(phrase, form);
  const tokens: Token[] = [];
  for (const word of text.split(" ").filter(Boolean)) {
    const abd = ABD_PREFIX.exec(word);
    const parts = abd ? ["abd", abd[2]] : [word];
    for (const part of parts) {
      const canonical = canonicalToken(part);
      tokens.push({ text: canonical, weight: tokenWeight(canonical) });
    }
  }
  return tokens;
}

/** The name with case, accents, punctuation and word order removed: equal forms are the same written name. */
export function plainForm(name: string): string {
  let plain = plainCache.get(name);
  if (plain === undefined) {
    if (plainCache.size >= MAX_CACHED) plainCache.clear();
    plain = plainWords(name).sort().join(" ");
    plainCache.set(name, plain);
  }
  return plain;
}

/** Phonetic key of a token (Double Metaphone, primary code), lower case; empty for digits and very short tokens. */
export function phoneticKey(token: string): string {
  if (token.length < 3 || /\d/.test(token)) return "";
  let key = phoneticCache.get(token);
  if (key === undefined) {
    if (phoneticCache.size >= MAX_CACHED) phoneticCache.clear();
    key = doubleMetaphone(token)[0].toLowerCase();
    phoneticCache.set(token, key);
  }
  return key;
}

/** Consonant skeleton ("muhammad" -> "mhmd"): what Arabic script writes, so it compares with romanised names. */
export function skeleton(token: string): string {
  return token.replace(/[aeiouy]/g, "").replace(/(.)\1+/g, "$1");
}
