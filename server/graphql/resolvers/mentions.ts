import type { EntityNode } from "../../db/queries/rows.ts";
import type { Resolvers } from "../generated.ts";

/** `Entity.mentions`, `Entity.candidateIn` and the `Mention` type: named parties the import could not resolve. */
export const mentionResolvers: Resolvers = {
  Entity: {
    mentions: async (e, _, ctx) => (await ctx.loaders.mentions.load(e.id)).named,
    candidateIn: async (e, _, ctx) => (await ctx.loaders.mentions.load(e.id)).candidateIn,
  },
  Mention: {
    mentionedBy: async (m, _, ctx) => {
      const entity = await ctx.loaders.entity.load(m.entityId);
      if (!entity) throw new Error(`Mention ${m.id} names no entity ${m.entityId}`);
      return entity;
    },
    candidates: async (m, _, ctx) =>
      (await ctx.loaders.entity.loadMany(m.candidates ?? [])).filter((c): c is EntityNode => c != null && !(c instanceof Error)),
    sources: (m, _, ctx) => ctx.loaders.sources(m.sourceIds),
    datasets: (m) => m.datasets ?? [],
    // The importers store the status in lower case (server/model/records.ts MentionRecord).
    status: (m) => (m.status === "ambiguous" ? "AMBIGUOUS" : "UNRESOLVED"),
  },
};
