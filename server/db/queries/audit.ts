// The audit log of curation writes (server/curation), as the API reads it.
import type { AuditEventValue } from "../../curation/curate.ts";
import { readQuery } from "./query.ts";

/** cypher/read/audit-log.cypher: events newest first, by actor and/or entity; the total and one page. */
export const auditLog = readQuery<
  { entity: string | null; actor: string | null; offset: number; limit: number },
  { total: number; page: AuditEventValue[] }
>("read/audit-log", 10_000);
