import { z } from "zod";

/** A manual reliability rating with its reason, or `{ rating: null }` to clear it. */
export const reliabilityRatingSchema = z.union([
  z.object({ rating: z.null() }),
  z.object({
    rating: z.number().int().min(1, "Rate from 1 (unreliable) to 5 (reliable).").max(5, "Rate from 1 (unreliable) to 5 (reliable)."),
    reason: z.string().trim().min(1, "Say why: a manual rating overrides the one derived from verdicts.").max(2000),
  }),
]);
