/** What the two OFAC formats (legacy CSV, advanced XML) share: the publisher, the dataset and the ids they give. */
export const OFAC_PUBLISHER = "U.S. Department of the Treasury, Office of Foreign Assets Control";
export const OFAC_URL = "https://sanctionslist.ofac.treas.gov/Home/SdnList";
export const OFAC_DATASET = "us_ofac_sdn";

export const ofacEntityId = (entNum: string) => `ofac-${entNum}`;

/** One Sanction per program: `ofac-sanction-<ent_num>` when the record has one program (as the seed has it), else `...-<PROGRAM>`. */
export function ofacSanctionId(entNum: string, program: string, programs: string[]): string {
  return programs.length === 1 ? `ofac-sanction-${entNum}` : `ofac-sanction-${entNum}-${program.replace(/\s+/g, "")}`;
}
