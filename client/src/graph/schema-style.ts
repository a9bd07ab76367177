/** How each FtM schema looks: a Cytoscape shape, a colour, and a matching small SVG icon for lists and the legend. */

export type NodeShape =
  | "ellipse"
  | "round-rectangle"
  | "rectangle"
  | "hexagon"
  | "diamond"
  | "triangle"
  | "tag"
  | "star"
  | "octagon"
  | "barrel"
  | "rhomboid"
  | "vee";

export interface SchemaStyle {
  shape: NodeShape;
  color: string;
  /** Human label for the legend. */
  label: string;
}

export const SCHEMA_STYLES: Record<string, SchemaStyle> = {
  Person: { shape: "ellipse", color: "#2563eb", label: "Person" },
  Organization: { shape: "round-rectangle", color: "#0d9488", label: "Organization" },
  Company: { shape: "rectangle", color: "#d97706", label: "Company" },
  PublicBody: { shape: "hexagon", color: "#7c3aed", label: "Public body" },
  LegalEntity: { shape: "octagon", color: "#64748b", label: "Legal entity" },
  Vessel: { shape: "diamond", color: "#0891b2", label: "Vessel" },
  Airplane: { shape: "triangle", color: "#0369a1", label: "Airplane" },
  Address: { shape: "tag", color: "#16a34a", label: "Address" },
  Position: { shape: "star", color: "#ca8a04", label: "Position" },
  CryptoWallet: { shape: "vee", color: "#db2777", label: "Crypto wallet" },
  BankAccount: { shape: "barrel", color: "#9333ea", label: "Bank account" },
  Security: { shape: "rhomboid", color: "#4d7c0f", label: "Security" },
};

const FALLBACK: SchemaStyle = { shape: "ellipse", color: "#94a3b8", label: "Other" };

export function schemaStyle(schema: string): SchemaStyle {
  return SCHEMA_STYLES[schema] ?? { ...FALLBACK, label: schema };
}

export const SANCTIONED_COLOR = "#dc2626";
/** The ring of an entity delisted before the day shown. */
export const DELISTED_COLOR = "#64748b";

/** SVG points/elements (in a 0..20 box) for each shape, so icons match the canvas. */
function shapeMarkup(shape: NodeShape, fill: string): string {
  const poly = (points: string) => `<polygon points="${points}" fill="${fill}"/>`;
  switch (shape) {
    case "ellipse":
      return `<circle cx="10" cy="10" r="8" fill="${fill}"/>`;
    case "round-rectangle":
      return `<rect x="2" y="4" width="16" height="12" rx="4" fill="${fill}"/>`;
    case "rectangle":
      return `<rect x="2" y="4" width="16" height="12" fill="${fill}"/>`;
    case "barrel":
      return `<rect x="3" y="3" width="14" height="14" rx="3" ry="6" fill="${fill}"/>`;
    case "hexagon":
      return poly("5,3 15,3 19,10 15,17 5,17 1,10");
    case "octagon":
      return poly("6,2 14,2 18,6 18,14 14,18 6,18 2,14 2,6");
    case "diamond":
      return poly("10,1 19,10 10,19 1,10");
    case "triangle":
      return poly("10,2 19,18 1,18");
    case "tag":
      return poly("2,4 13,4 18,10 13,16 2,16");
    case "star":
      return poly("10,1 12.6,7 19,7.4 14,11.6 15.6,18 10,14.5 4.4,18 6,11.6 1,7.4 7.4,7");
    case "vee":
      return poly("1,3 10,9 19,3 10,18");
    case "rhomboid":
      return poly("6,4 19,4 14,16 1,16");
  }
}

/** A small inline SVG of the schema's shape and colour; with `sanctioned`, a red ring as on the canvas. */
export function schemaIconSvg(schema: string, { sanctioned = false, size = 18 } = {}): string {
  const { shape, color, label } = schemaStyle(schema);
  const ring = sanctioned ? `<circle cx="10" cy="10" r="9.2" fill="none" stroke="${SANCTIONED_COLOR}" stroke-width="1.6"/>` : "";
  return `<svg class="schema-icon" width="${size}" height="${size}" viewBox="0 0 20 20" role="img" aria-label="${label}"><title>${label}</title>${shapeMarkup(shape, color)}${ring}</svg>`;
}
