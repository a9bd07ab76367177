/**
 * FtM value types the list importers must produce in FtM's own form (checked with followthemoney in the tests):
 * phone numbers in E.164, IMO numbers as `IMO1234567` with a valid check digit, LEIs that pass ISO 17442's check.
 * A value that fails is no such identifier: the caller keeps the text elsewhere (notes, idNumber), never drops it.
 */
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * A phone number as written on a list ("No. 0096 1 367 9153", "(218) (0)21 4778301", "982188526300") -> E.164,
 * or undefined when no reading gives a valid number. `countries` (FtM codes of the party) help read national numbers.
 */
export function cleanPhone(raw: string, countries: readonly string[] = []): string | undefined {
  const text = raw
    .replace(/^(?:No\.|Number|#|:)\s*/i, "")
    .replace(/\(0\)/g, "")
    .replace(/^\((\d{1,3})\)/, "+$1")
    .replace(/^00/, "+")
    .trim();
  const digits = text.replace(/[^\d+]/g, "");
  const readings: (() => ReturnType<typeof parsePhoneNumberFromString>)[] = [
    () => (digits.startsWith("+") ? parsePhoneNumberFromString(digits) : undefined),
    ...countries.filter((c) => /^[a-z]{2}$/.test(c)).map((c) => () => parsePhoneNumberFromString(digits, c.toUpperCase() as CountryCode)),
    // OFAC often writes the country code without "+" or "00" (982188526300 is Tehran).
    () => (digits.startsWith("+") ? undefined : parsePhoneNumberFromString(`+${digits}`)),
  ];
  for (const read of readings) {
    const number = read();
    if (number?.isValid()) return number.number;
  }
  return undefined;
}

/** An IMO ship or company number -> `IMO1234567`, or undefined when it has no 7 digits with a valid check digit. */
export function cleanImo(raw: string): string | undefined {
  const m = /^(?:IMO)?\s*(\d{7})$/i.exec(raw.trim());
  if (!m) return undefined;
  const d = m[1].split("").map(Number);
  // Ships: weights 7..2, the last digit of the sum. Companies and registered owners: weights 8,6,4,2,9,7, 11 minus the
  // sum mod 11, last digit (the two schemes FtM's IMO format admits).
  const ship = d.slice(0, 6).reduce((sum, x, i) => sum + x * (7 - i), 0) % 10 === d[6];
  const company = (11 - (d.slice(0, 6).reduce((sum, x, i) => sum + x * [8, 6, 4, 2, 9, 7][i], 0) % 11)) % 10 === d[6];
  return ship || company ? `IMO${m[1]}` : undefined;
}

/** Whether a value is a Legal Entity Identifier (ISO 17442: 20 characters, ISO 7064 mod 97-10 check). */
export function isLei(raw: string): boolean {
  const value = raw.trim().toUpperCase();
  if (!/^[A-Z0-9]{18}\d{2}$/.test(value)) return false;
  const numeric = value.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  return rest === 1;
}

/** A web address as FtM writes it: with a scheme (http:// when the list gives none) and a path (at least "/"). */
export function cleanUrl(raw: string): string | undefined {
  const value = raw.trim();
  if (!value || /\s/.test(value)) return undefined;
  const withScheme = /^https?:\/\//i.test(value) ? value : `http://${value}`;
  return /^https?:\/\/[^/]+$/i.test(withScheme) ? `${withScheme}/` : withScheme;
}

/**
 * Puts a list record's values into FtM's form, in place (names, addresses, e-mails, websites, SWIFT/BIC, phones, IMO
 * numbers, LEIs): a value that is no valid value of its kind moves to `notes` ("Phone ..."; an LEI that fails its
 * check to `idNumber`), so nothing the list says is lost. A BIC keeps its 8-character institution code, as FtM does.
 */
export function cleanValues(properties: Record<string, string[]>): void {
  const countries = ["country", "nationality", "citizenship", "jurisdiction"].flatMap((p) => properties[p] ?? []);
  const notes = new Set(properties.notes ?? []);
  const keep = (prop: string, clean: (v: string) => string | undefined, label: string, elsewhere = "notes") => {
    const values = properties[prop];
    if (!values) return;
    const good = new Set<string>();
    for (const value of values) {
      const cleaned = clean(value);
      if (cleaned) good.add(cleaned);
      else if (elsewhere === "notes") notes.add(`${label} ${value}`);
      else properties[elsewhere] = [...new Set([...(properties[elsewhere] ?? []), value])];
    }
    if (good.size) properties[prop] = [...good];
    else delete properties[prop];
  };
  // FtM's cleaning of names and addresses collapses runs of spaces; of e-mails, lower-cases the domain.
  // Addresses: ";" separates parts like ",", and an empty part between two commas is dropped. Names lose enclosing quotes.
  for (const prop of ["name", "alias", "weakAlias", "previousName"])
    if (properties[prop])
      properties[prop] = [
        ...new Set(
          properties[prop].map((v) =>
            v
              .replace(/\s+/g, " ")
              .trim()
              .replace(/^'(.*)'$/, "$1"),
          ),
        ),
      ];
  if (properties.address)
    properties.address = [
      ...new Set(
        properties.address.map((v) =>
          v
            .replace(/\s*;\s*/g, ", ")
            .replace(/,(\s*,)+/g, ",")
            .replace(/\s+/g, " ")
            .trim(),
        ),
      ),
    ];
  keep("email", (v) => (/^[^@\s]+@[^@\s]+$/.test(v.trim()) ? v.trim().replace(/@.*$/, (d) => d.toLowerCase()) : undefined), "E-mail");
  keep("website", cleanUrl, "Website");
  keep("swiftBic", (v) => (/^[A-Z0-9]{8}([A-Z0-9]{3})?$/i.test(v.trim()) ? v.trim().slice(0, 8).toUpperCase() : undefined), "SWIFT/BIC");
  keep("phone", (v) => cleanPhone(v, countries), "Phone");
  keep("imoNumber", cleanImo, "IMO number");
  keep("leiCode", (v) => (isLei(v) ? v.trim().toUpperCase() : undefined), "Legal Entity Number", "idNumber");
  if (notes.size) properties.notes = [...notes];
}
