/**
 * Name material for the synthetic network: Korean names with the romanisations real lists mix (McCune-Reischauer
 * vs Revised Romanization, hyphenated or not: Kyong-sik / Kyong Sik / Gyeong Sik; Kim/Gim; Chol/Cheol), Chinese
 * and Russian names (with a Cyrillic alias), and company, vessel and address names in the style of DPRK and
 * Russia sanctions designations. Every list is fixed, so a seed always gives the same names.
 */
import type { Rng } from "./rng.ts";

/** Each entry: the spellings of one surname or syllable; the first is the OFAC-style (McCune-Reischauer) one. */
const KOREAN_SURNAMES: readonly string[][] = [
  ["Kim", "Gim"],
  ["Ri", "Lee", "Yi", "Rhee"],
  ["Pak", "Park", "Bak"],
  ["Choe", "Choi"],
  ["Jong", "Jeong", "Chong"],
  ["Kang", "Gang"],
  ["Han"],
  ["Son", "Sohn"],
  ["Yun", "Yoon"],
  ["Jang", "Chang"],
  ["Hwang"],
  ["O", "Oh"],
  ["Ryu", "Yu", "Yoo"],
  ["Sin", "Shin"],
  ["Kwon", "Gwon"],
  ["Cha"],
  ["Mun", "Moon"],
  ["Ko", "Go"],
  ["Jo", "Cho"],
  ["Hyon", "Hyun"],
  ["Ju", "Joo"],
  ["Paek", "Baek"],
];

const KOREAN_SYLLABLES: readonly string[][] = [
  ["Kyong", "Gyeong", "Kyung"],
  ["Sik", "Shik"],
  ["Chol", "Cheol", "Chul"],
  ["Il"],
  ["Song", "Seong", "Sung"],
  ["Hyok", "Hyeok", "Hyuk"],
  ["Chun", "Cheon"],
  ["Myong", "Myeong", "Myung"],
  ["Ho"],
  ["Jin", "Chin"],
  ["Su", "Soo"],
  ["Yong", "Yeong", "Young"],
  ["Nam"],
  ["Hak"],
  ["Kwang", "Gwang"],
  ["Un", "Eun"],
  ["Ryong", "Ryeong"],
  ["Hun", "Hoon"],
  ["Thae", "Tae"],
  ["Hui", "Hee"],
  ["Sang"],
  ["Jun", "Joon"],
  ["Min"],
  ["Ok"],
  ["Pyong", "Byeong"],
  ["Won"],
  ["In"],
  ["Dok", "Deok"],
];

const CHINESE_SURNAMES: readonly string[][] = [
  ["Wang"],
  ["Li", "Lee"],
  ["Zhang", "Chang"],
  ["Liu", "Lau"],
  ["Chen", "Chan"],
  ["Yang", "Yeung"],
  ["Zhao", "Chao"],
  ["Huang", "Wong"],
  ["Zhou", "Chow"],
  ["Wu", "Ng"],
  ["Sun", "Suen"],
  ["Ma"],
];
const CHINESE_GIVEN: readonly string[] = [
  "Wei",
  "Fang",
  "Jun",
  "Lei",
  "Hong",
  "Ming",
  "Jie",
  "Qiang",
  "Hua",
  "Xiaodong",
  "Yong",
  "Bin",
  "Tao",
];

const RUSSIAN: readonly [string, string][] = [
  ["Ivanov", "Иванов"],
  ["Petrov", "Петров"],
  ["Sidorov", "Сидоров"],
  ["Volkov", "Волков"],
  ["Kuznetsov", "Кузнецов"],
  ["Morozov", "Морозов"],
  ["Sokolov", "Соколов"],
  ["Lebedev", "Лебедев"],
  ["Kozlov", "Козлов"],
  ["Novikov", "Новиков"],
];
const RUSSIAN_GIVEN: readonly [string, string][] = [
  ["Sergei", "Сергей"],
  ["Aleksandr", "Александр"],
  ["Dmitry", "Дмитрий"],
  ["Andrei", "Андрей"],
  ["Igor", "Игорь"],
  ["Oleg", "Олег"],
  ["Mikhail", "Михаил"],
  ["Vladimir", "Владимир"],
];

export interface PersonName {
  name: string;
  aliases: string[];
  firstName: string;
  lastName: string;
  nationality: string;
}

const dedupe = (values: string[], primary: string) => [...new Set(values)].filter((v) => v !== primary);

/** A person's primary name and, for about half of them, the variant spellings a list would carry as aliases. */
export function personName(rng: Rng): PersonName {
  const roll = rng.float();
  if (roll < 0.7) {
    const surname = rng.pick(KOREAN_SURNAMES);
    const first = rng.pick(KOREAN_SYLLABLES);
    const second = rng.pick(KOREAN_SYLLABLES);
    const given = `${first[0]} ${second[0]}`;
    const name = `${surname[0]} ${given}`;
    const aliases: string[] = [];
    if (rng.chance(0.5)) {
      // Hyphenated with a lower-case second syllable, as the press writes it: Son Kyong-sik.
      aliases.push(`${surname[0]} ${first[0]}-${second[0].toLowerCase()}`);
      // Revised Romanization of every part, where it differs: Son Gyeong Sik, Sohn Gyeong Shik.
      const s = surname[surname.length > 1 ? 1 + rng.int(surname.length - 1) : 0];
      const f = first[first.length > 1 ? 1 + rng.int(first.length - 1) : 0];
      const g = second[second.length > 1 ? 1 + rng.int(second.length - 1) : 0];
      aliases.push(`${s} ${f} ${g}`);
      if (rng.chance(0.3)) aliases.push(`${f}${g.toLowerCase()} ${s}`);
    }
    return { name, aliases: dedupe(aliases, name), firstName: given, lastName: surname[0], nationality: "kp" };
  }
  if (roll < 0.85) {
    const surname = rng.pick(CHINESE_SURNAMES);
    const given = rng.pick(CHINESE_GIVEN);
    const name = `${surname[0]} ${given}`;
    const aliases = rng.chance(0.4) ? dedupe([`${surname[surname.length - 1]} ${given}`, `${given} ${surname[0]}`], name) : [];
    return { name, aliases, firstName: given, lastName: surname[0], nationality: "cn" };
  }
  const [last, lastCyr] = rng.pick(RUSSIAN);
  const [first, firstCyr] = rng.pick(RUSSIAN_GIVEN);
  const name = `${first} ${last}`;
  const aliases = rng.chance(0.5) ? [`${last.toUpperCase()}, ${first}`, `${firstCyr} ${lastCyr}`] : [];
  return { name, aliases, firstName: first, lastName: last, nationality: "ru" };
}

const PLACES = [
  "Korea",
  "Pyongyang",
  "Dalian",
  "Dandong",
  "Liaoning",
  "Vladivostok",
  "Nampo",
  "Wonsan",
  "Shenyang",
  "Hong Kong",
  "Rason",
  "Sinuiju",
  "Chongjin",
  "Haeju",
  "Golden",
  "Eastern",
  "Star",
  "Ocean",
  "Pacific",
  "United",
];
const CORES = [
  "Osong",
  "Chonsurim",
  "Ryugyong",
  "Kumsong",
  "Haegumgang",
  "Paeksol",
  "Sobaeksu",
  "Mirae",
  "Kwangmyong",
  "Unha",
  "Jinmyong",
  "Rungra",
  "Manpung",
  "Songi",
  "Tanchon",
  "Amroggang",
  "Saengpil",
  "Hesong",
  "Kyonghung",
  "Namgang",
  "Hana",
  "Sili",
  "Kohas",
  "Mansudae",
  "Daesong",
  "Korea Pugang",
  "Moranbong",
  "Taedong",
  "Chilbosan",
  "Yonbong",
];
const TRADES = [
  "Shipping",
  "Trading",
  "General Trading",
  "Technology",
  "Mining",
  "Import Export",
  "Electronics",
  "Investment",
  "Software",
  "Logistics",
  "Maritime",
  "Industrial",
  "Construction",
  "Commercial",
  "Energy",
];
const FORMS = ["Co Ltd", "Corporation", "Company", "LLC", "Limited", "Group"];

export function companyName(rng: Rng, index: number): { name: string; aliases: string[] } {
  const core = rng.pick(CORES);
  const place = rng.pick(PLACES);
  const trade = rng.pick(TRADES);
  const form = rng.pick(FORMS);
  // A registry-style number keeps most names distinct at a million entities, as real registries do.
  const name = `${place} ${core} ${trade} ${form}${rng.chance(0.6) ? ` ${(index % 997) + 1}` : ""}`;
  const aliases = rng.chance(0.35) ? [`${core} ${trade} ${rng.pick(FORMS)}`] : [];
  return { name, aliases };
}

const SHIPS = [
  "Chon Ma San",
  "Ji Song",
  "Ka Rim Chon",
  "Rye Song Gang",
  "Yu Jong",
  "Saebyol",
  "Nam San",
  "Paek Yang San",
  "Wise Honest",
  "New Konk",
];
export function vesselName(rng: Rng, index: number): string {
  return `${rng.pick(SHIPS)} ${(index % 90) + 1}`;
}

const STREETS = [
  "Sungri Street",
  "Haebangsan Street",
  "Ryonhwa 1-dong",
  "Zhongshan Road",
  "Renmin Road",
  "Aleutskaya Street",
  "Chongnyon Street",
];
const CITIES: readonly [string, string][] = [
  ["Pyongyang", "kp"],
  ["Dandong", "cn"],
  ["Dalian", "cn"],
  ["Shenyang", "cn"],
  ["Vladivostok", "ru"],
  ["Vientiane", "la"],
  ["Hong Kong", "hk"],
  ["Moscow", "ru"],
];
export function address(rng: Rng, index: number): { full: string; city: string; country: string } {
  const [city, country] = rng.pick(CITIES);
  return { full: `${(index % 400) + 1} ${rng.pick(STREETS)}, ${city}`, city, country };
}

/** Sanctions programs and the authority of each, several per list as on the real lists. */
export const PROGRAMS: readonly { program: string; authority: string }[] = [
  { program: "DPRK3", authority: "Office of Foreign Assets Control" },
  { program: "DPRK4", authority: "Office of Foreign Assets Control" },
  { program: "DPRK2", authority: "Office of Foreign Assets Control" },
  { program: "CYBER2", authority: "Office of Foreign Assets Control" },
  { program: "RUSSIA-EO14024", authority: "Office of Foreign Assets Control" },
  { program: "UN 1718 (DPRK)", authority: "United Nations Security Council" },
  { program: "EU DPRK Regulation 2017/1509", authority: "Council of the European Union" },
  { program: "UK Russia Regulations 2019", authority: "Office of Financial Sanctions Implementation" },
];
