import { z } from "zod";
import { CONTRADICTION_VERDICTS } from "../vocabulary/contradiction-verdict";
import { LINK_TYPES } from "../vocabulary/link-type";


export const createLinkSchema = z.object({
  sourceAnnotationId: z.string().min(1).max(64),
  targetAnnotationId: z.string().min(1).max(64),
  type: z.enum(LINK_TYPES, { error: "Choose a link type: contradicts, corroborates, same claim as, derives from or responds to." }),
  note: z.string().max(10_000).default(""),
});

export const linkVerdictSchema = z.object({
  verdict: z.enum(CONTRADICTION_VERDICTS, { error: "Choose a verdict." }),
  rationale: z.string().max(10_000).default(""),
});
