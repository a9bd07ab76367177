/**
 * Country names as the lists write them -> FtM country codes (lower-case ISO 3166-1 alpha-2, plus FtM's few
 * extra codes such as `suhh` for the Soviet Union). Names come from i18n-iso-countries (every English name it
 * knows for a current code) and from FtM's own labels; the table below adds only the spellings OFAC and the UN
 * use that neither knows. Every code given out is one FtM accepts (a test checks every country name in the real
 * data files).
 */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import model from "./ftm-model.json" with { type: "json" };

/** The codes FtM's country type accepts, with FtM's label. */
export const FTM_COUNTRIES: Readonly<Record<string, string>> = model.countries;

/** List spellings neither library knows, and historical names FtM has codes for. */
const ALIASES: Record<string, string> = {
  burma: "mm",
  dprk: "kp",
  "democratic people's republic of korea": "kp",
  korea: "kr",
  "republic of korea": "kr",
  "iran (islamic republic of)": "ir",
  "bolivia (plurinational state of)": "bo",
  "venezuela (bolivarian republic of)": "ve",
  "micronesia (federated states of)": "fm",
  "syrian arab republic": "sy",
  "united kingdom of great britain and northern ireland": "gb",
  uk: "gb",
  usa: "us",
  uae: "ae",
  "viet nam": "vn",
  "cabo verde": "cv",
  laos: "la",
  turkiye: "tr",
  "cote d ivoire": "ci",
  macau: "mo",
  "china, hong kong special administrative region": "hk",
  "the former yugoslav republic of macedonia": "mk",
  macedonia: "mk",
  "bosnia-herzegovina": "ba",
  "st. kitts and nevis": "kn",
  "st. vincent and the grenadines": "vc",
  "st. lucia": "lc",
  "east timor": "tl",
  "the bahamas": "bs",
  "netherlands antilles": "nl",
  congo: "cg",
  "republic of the congo": "cg",
  palestinian: "ps",
  "occupied palestinian territory": "ps",
  "west bank": "ps",
  gaza: "ps",
  "north gaza": "ps",
  "northern gaza": "ps",
  crimea: "ua",
  "northern mali": "ml",
  "kurdistan region": "iq",
  "serbia and montenegro": "csxx",
  yugoslavia: "yucs",
  "former soviet union": "suhh",
  "soviet union": "suhh",
};

function normalise(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`]/g, "'")
    .replace(/&/g, " and ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
}

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  countries.registerLocale(en);
  for (const [code, label] of Object.entries(FTM_COUNTRIES)) map.set(normalise(label), code);
  for (const [code, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    const ftm = code.toLowerCase();
    if (!(ftm in FTM_COUNTRIES)) continue;
    for (const name of names) map.set(normalise(name), ftm);
  }
  for (const [name, code] of Object.entries(ALIASES)) map.set(normalise(name), code);
  return map;
}

/**
 * The FtM country code of a country name, or undefined when the name is no known country (codes are not names:
 * UN `na` is no Namibia). OFAC's forms are understood: "Korea, North", "Man, Isle of", "Region: Crimea".
 */
export function countryCode(name: string | undefined): string | undefined {
  if (!name) return undefined;
  table ??= build();
  const key = normalise(name).replace(/^region: /, "");
  if (!key) return undefined;
  const inverted = /^([^,]+), ([^,]+)$/.exec(key);
  return table.get(key) ?? (inverted ? table.get(`${inverted[2]} ${inverted[1]}`) : undefined);
}
