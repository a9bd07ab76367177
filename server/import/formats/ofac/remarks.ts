/**
 * OFAC SDN `Remarks` -> FtM properties. The remarks are `; `-separated clauses such as
 * `DOB 20 Apr 1959`, `alt. Passport 390220044 (Korea, North) expires 12 May 2025`, `a.k.a. 'BUREAU 53'`,
 * `Linked To: KOREA OSONG SHIPPING CORPORATION.`. Clauses the table below does not know are kept verbatim
 * in `notes`, so nothing the list says is lost.
 */
import { countryCode } from "../../../model/countries.ts";
import { isoDates } from "../../../model/dates.ts";
import { addValue, type Properties } from "../../entity-builder.ts";

export interface ParsedRemarks {
  properties: Properties;
  /** Names from `Linked To:` clauses, as written (a trailing full stop may belong to the name or end the remarks). */
  linkedTo: string[];
}

type Handler = (value: string, add: (prop: string, value: string | undefined) => void) => void;

/** `N (Country) issued ... expires ...` -> N; the country goes to `extraCountryProp` if given. */
function numberWithCountry(prop: string, countryProp?: string): Handler {
  return (value, add) => {
    const m = /^(.+?)(?:\s+\(([^()]+)\))?(?:\s+(?:issued|expires|valid|effective)\b.*)?$/i.exec(value);
    const number = (m?.[1] ?? value).replace(/^#\s*/, "").trim();
    add(prop, number);
    if (countryProp && m?.[2]) add(countryProp, countryCode(m[2]));
  };
}

/** Dates FtM can read (partial ISO); text that is no date ("circa 1960s", "Ramadan 1960") goes to notes. */
function dates(prop: string, label: string): Handler {
  return (value, add) => {
    const found = isoDates(value);
    if (found.length) for (const d of found) add(prop, d);
    else add("notes", `${label} ${value}`);
  };
}

const country =
  (prop: string): Handler =>
  (value, add) => {
    const code = countryCode(value);
    if (code) add(prop, code);
    else add("notes", `${prop} ${value}`);
  };

const text =
  (prop: string): Handler =>
  (value, add) =>
    add(prop, value);

/** Labels of identifier clauses, longest first where one is a prefix of another. */
const LABELS: [RegExp, Handler][] = [
  [/^DOB\s+(.+)$/i, dates("birthDate", "DOB")],
  [/^POB\s+(.+)$/i, text("birthPlace")],
  [/^Nationality of Registration\s+(.+)$/i, country("country")],
  [/^nationality\s+(.+)$/i, country("nationality")],
  [/^citizen\s+(.+)$/i, country("citizenship")],
  [/^Gender\s+(Male|Female)$/i, (v, add) => add("gender", v.toLowerCase())],
  [/^Passport\s+(.+)$/i, numberWithCountry("passportNumber")],
  [/^Diplomatic Passport\s+(.+)$/i, numberWithCountry("passportNumber")],
  [/^Vessel Registration Identification IMO\s+(.+)$/i, text("imoNumber")],
  [/^(?:Identification Number|Company Number)\s+IMO\s+(.+)$/i, text("imoNumber")],
  [/^MMSI\s+(.+)$/i, text("mmsi")],
  [/^Tax ID No\.\s+(.+)$/i, numberWithCountry("taxNumber")],
  [/^(?:R\.F\.C\.|RFC|NIT #|RUC #|CUIT|C\.U\.I\.T\.|Tax Identification Number)\s*(.+)$/i, numberWithCountry("taxNumber")],
  [/^V\.A\.T\. Number\s+(.+)$/i, numberWithCountry("vatCode")],
  [/^Legal Entity Number\s+(.+)$/i, numberWithCountry("leiCode")],
  [/^SWIFT\/BIC\s+(.+)$/i, text("swiftBic")],
  [/^D-U-N-S Number\s+(.+)$/i, text("dunsCode")],
  [/^Unified Social Credit Code \(USCC\)\s+(.+)$/i, numberWithCountry("registrationNumber")],
  [
    /^(?:Registration Number|Registration ID|Business Registration Number|Commercial Registry Number|Company Number|Chamber of Commerce Number|Trade License No\.|C\.R\. No\.|Folio Mercantil No\.|Matricula Mercantil No|Business Registration Document #|Economic Register Number \(CBLS\)|Government Gazette Number|Public Registration Number|Certificate of Incorporation Number|Enterprise Number|Business Number|Commercial Registration Number|Registered Charity No\.|Branch Unit Number|Istanbul Chamber of Comm\. No\.|Romanian C\.R\.|Romanian Tax Registration|Turkish Identification Number)\s*(.+)$/i,
    numberWithCountry("registrationNumber"),
  ],
  [
    /^(?:National ID No\.|Cedula No\.|D\.N\.I\.|C\.U\.R\.P\.|Identification Number|Personal ID Card|Driver's License No\.|Credencial electoral|SSN|Electoral Registry No\.|Residency Number|Refugee ID Card|Kenyan ID No\.|NIE|C\.I\.F\.|Birth Certificate Number|Immigration No\.|Stateless Person ID Card|Military Registration Number|Social Security Number|Bosnian Personal ID No\.|British National Overseas Passport|Numero Unico de Identificacao Tributaria \(NUIT\))\s*(.+)$/i,
    numberWithCountry("idNumber"),
  ],
  [/^License\s+(.+)$/i, numberWithCountry("licenseNumber")],
  [/^Organization Established Date\s+(.+)$/i, dates("incorporationDate", "Organization Established Date")],
  [/^Organization Type:\s*(.+)$/i, text("sector")],
  [/^Target Type\s+(.+)$/i, text("classification")],
  [/^Website\s+(.+)$/i, text("website")],
  [/^Email Address\s+(.+)$/i, text("email")],
  // Longest label first: "Telephone No. 0096..." must not read as "Telephone" + "No. 0096...".
  [/^(?:Phone Number|Telephone No\.|Telephone Number|Telephone|Fax No\.|Fax)\s+(.+)$/i, text("phone")],
  [/^Aircraft Manufacturer's Serial Number \(MSN\)\s+(.+)$/i, text("serialNumber")],
  [/^Aircraft Construction Number \(also called L\/N or S\/N or F\/N\)\s+(.+)$/i, text("serialNumber")],
  [/^Aircraft Model\s+(.+)$/i, text("model")],
  [/^Aircraft Manufacture Date\s+(.+)$/i, dates("buildDate", "Aircraft Manufacture Date")],
  [/^Aircraft Tail Number\s+(.+)$/i, text("registrationNumber")],
  [/^Aircraft Mode S Transponder Code\s+(.+)$/i, text("registrationNumber")],
  [/^Vessel Year of Build\s+(.+)$/i, dates("buildDate", "Vessel Year of Build")],
  [/^(?:Former Vessel Flag|Other Vessel Flag)\s+(.+)$/i, country("pastFlags")],
  [/^Other Vessel Call Sign\s+(.+)$/i, text("callSign")],
  [/^Other Vessel Type\s+(.+)$/i, text("pastTypes")],
];

/** Splits remarks into clauses. Quoted names may hold a `;` in principle; OFAC's data does not, so a plain split is used. */
export function clauses(remarks: string): string[] {
  return remarks
    .split(/;\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

function stripEnd(value: string): string {
  return value.replace(/\.$/, "").trim();
}

export function parseRemarks(remarks: string | undefined): ParsedRemarks {
  const properties: Properties = {};
  const add = (prop: string, value: string | undefined) => addValue(properties, prop, value);
  const linkedTo: string[] = [];
  if (!remarks) return { properties, linkedTo };
  for (const raw of clauses(remarks)) {
    if (/^Linked To:/i.test(raw)) {
      linkedTo.push(raw.replace(/^Linked To:\s*/i, "").trim());
      continue;
    }
    const clause = raw.replace(/^alt\.\s+/i, "");
    const name = /^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+(.+)$/i.exec(clause);
    if (name) {
      const value = stripEnd(name[2]).replace(/^'(.*)'$/, "$1");
      add(name[1].toLowerCase() === "f.k.a." ? "previousName" : "alias", value);
      continue;
    }
    const body = stripEnd(clause);
    let handled = false;
    for (const [pattern, handle] of LABELS) {
      const m = pattern.exec(body);
      if (m) {
        handle(m[1].trim(), add);
        handled = true;
        break;
      }
    }
    if (!handled) add("notes", stripEnd(raw));
  }
  return { properties, linkedTo };
}

/** The candidates a `Linked To` name may be written as: as is, and without a final full stop that ends the remarks. */
export function linkNameVariants(name: string): string[] {
  return name.endsWith(".") ? [name, name.slice(0, -1)] : [name];
}
