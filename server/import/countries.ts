/**
 * Country names as OFAC and the UN write them -> lower-case ISO 3166-1 alpha-2 codes (FtM's country type).
 * The bulk comes from the ICU region names built into Node (Intl.DisplayNames); the table below adds the
 * spellings the lists use that ICU does not ("Korea, North", "Burma", "Iran (Islamic Republic of)", ...).
 */

const ALIASES: Record<string, string> = {
  "korea, north": "kp",
  "north korea": "kp",
  "democratic people's republic of korea": "kp",
  "korea, democratic people's republic of": "kp",
  dprk: "kp",
  "korea, south": "kr",
  "south korea": "kr",
  "republic of korea": "kr",
  "korea, republic of": "kr",
  korea: "kr",
  burma: "mm",
  myanmar: "mm",
  iran: "ir",
  "iran (islamic republic of)": "ir",
  "islamic republic of iran": "ir",
  syria: "sy",
  "syrian arab republic": "sy",
  russia: "ru",
  "russian federation": "ru",
  "congo, democratic republic of the": "cd",
  "democratic republic of the congo": "cd",
  "congo, republic of the": "cg",
  "republic of the congo": "cg",
  congo: "cg",
  "united kingdom of great britain and northern ireland": "gb",
  uk: "gb",
  "united states of america": "us",
  usa: "us",
  "bolivia (plurinational state of)": "bo",
  "venezuela (bolivarian republic of)": "ve",
  "viet nam": "vn",
  vietnam: "vn",
  "lao people's democratic republic": "la",
  laos: "la",
  "united republic of tanzania": "tz",
  "republic of moldova": "md",
  moldova: "md",
  turkey: "tr",
  turkiye: "tr",
  "cote d ivoire": "ci",
  "cote d'ivoire": "ci",
  "ivory coast": "ci",
  palestinian: "ps",
  palestine: "ps",
  "west bank": "ps",
  gaza: "ps",
  "state of palestine": "ps",
  "occupied palestinian territory": "ps",
  "hong kong": "hk",
  macau: "mo",
  macao: "mo",
  "china, hong kong special administrative region": "hk",
  taiwan: "tw",
  kosovo: "xk",
  "czech republic": "cz",
  czechia: "cz",
  "the former yugoslav republic of macedonia": "mk",
  "north macedonia": "mk",
  macedonia: "mk",
  "bosnia and herzegovina": "ba",
  "bosnia-herzegovina": "ba",
  "serbia and montenegro": "rs",
  yugoslavia: "rs",
  "st. kitts and nevis": "kn",
  "saint kitts and nevis": "kn",
  "st. vincent and the grenadines": "vc",
  "saint vincent and the grenadines": "vc",
  "st. lucia": "lc",
  "antigua and barbuda": "ag",
  "trinidad and tobago": "tt",
  "the bahamas": "bs",
  bahamas: "bs",
  "the gambia": "gm",
  gambia: "gm",
  "brunei darussalam": "bn",
  "cabo verde": "cv",
  "cape verde": "cv",
  "timor-leste": "tl",
  "east timor": "tl",
  eswatini: "sz",
  swaziland: "sz",
  "micronesia, federated states of": "fm",
  "micronesia (federated states of)": "fm",
  curacao: "cw",
  "sint maarten": "sx",
  "british virgin islands": "vg",
  "virgin islands, british": "vg",
  "netherlands antilles": "an",
  "region: crimea": "ua",
  crimea: "ua",
  "region: gaza": "ps",
  "region: northern mali": "ml",
  "region: kurdistan region": "iq",
  "holy see": "va",
  "south sudan": "ss",
  sudan: "sd",
  "central african republic": "cf",
  "united arab emirates": "ae",
  uae: "ae",
  "equatorial guinea": "gq",
  "guinea-bissau": "gw",
  "papua new guinea": "pg",
  "sao tome and principe": "st",
  "saint helena": "sh",
  "isle of man": "im",
  "marshall islands": "mh",
  "solomon islands": "sb",
  "cayman islands": "ky",
  "cook islands": "ck",
  "falkland islands": "fk",
  "faroe islands": "fo",
  "turks and caicos islands": "tc",
  "northern mariana islands": "mp",
  "american samoa": "as",
  "french guiana": "gf",
  "french polynesia": "pf",
  "new caledonia": "nc",
  "western sahara": "eh",
  svalbard: "sj",
  "aland islands": "ax",
  "saint barthelemy": "bl",
  "saint martin": "mf",
  bonaire: "bq",
  "el salvador": "sv",
  "costa rica": "cr",
  "dominican republic": "do",
  "sri lanka": "lk",
  "sierra leone": "sl",
  "burkina faso": "bf",
  "new zealand": "nz",
  "saudi arabia": "sa",
  "south africa": "za",
  "united kingdom": "gb",
  "united states": "us",
};

function normalise(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

let table: Map<string, string> | undefined;
let codes: Set<string> | undefined;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        name = undefined;
      }
      if (!name || name === code || name === "Unknown Region") continue;
      map.set(normalise(name), code.toLowerCase());
      // "Myanmar (Burma)", "Congo - Kinshasa": also the part before the qualifier.
      const short = name.replace(/\s*\(.*\)$/, "");
      if (short !== name && !map.has(normalise(short))) map.set(normalise(short), code.toLowerCase());
    }
  }
  for (const [name, code] of Object.entries(ALIASES)) map.set(normalise(name), code);
  return map;
}

/** The ISO2 code (lower case) of a country name, or undefined when the name is not a known country. */
export function countryCode(name: string | undefined): string | undefined {
  if (!name) return undefined;
  table ??= build();
  codes ??= new Set(table.values());
  const key = normalise(name).replace(/\.$/, "");
  if (!key) return undefined;
  if (/^[a-z]{2}$/.test(key) && codes.has(key)) return key;
  return table.get(key);
}
