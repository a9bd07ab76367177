// Saved investigations: a user's named sets of entities with notes, canvas layout and filters.
import { readQuery, writeQuery } from "./query.ts";

export interface InvestigationValue {
  id: string;
  name: string;
  owner: string;
  entityIds: string[];
  notes?: string | null;
  layout?: string | null;
  filters?: string | null;
  shareToken: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What saveInvestigation writes (checked by the resolver). */
export interface InvestigationFields {
  name: string;
  entityIds: string[];
  notes: string | null;
  layout: string | null;
  filters: string | null;
}

const MS = 5_000;

/** cypher/read/investigation.cypher: one investigation by id. */
export const investigationById = readQuery<{ id: string }, { investigation: InvestigationValue }>("read/investigation", MS);

/** cypher/read/investigation-shared.cypher: one investigation by the token of its share link. */
export const investigationByShareToken = readQuery<{ token: string }, { investigation: InvestigationValue }>(
  "read/investigation-shared",
  MS,
);

/** cypher/read/investigations-by-owner.cypher: a user's investigations, most recently saved first. */
export const investigationsByOwner = readQuery<{ owner: string; limit: number }, { investigation: InvestigationValue }>(
  "read/investigations-by-owner",
  MS,
);

/**
 * cypher/write/investigation-save.cypher: creates an investigation or updates the owner's; `own` is false (and
 * nothing is written) when the id is another user's.
 */
export const saveInvestigation = writeQuery<
  { id: string; owner: string; at: string; shareToken: string; fields: InvestigationFields },
  { own: boolean; investigation: InvestigationValue | null }
>("write/investigation-save", MS);
