import { LinkType } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { LinkType };
export const LINK_TYPES = enumValues(LinkType);

/** How a link reads from its source ("this contradicts that") and from its target. */
export const LINK_LABEL: Record<LinkType, { forward: string; backward: string }> = {
  CONTRADICTS: { forward: "Contradicts", backward: "Contradicts" },
  CORROBORATES: { forward: "Corroborates", backward: "Corroborated by" },
  SAME_CLAIM_AS: { forward: "Same claim as", backward: "Same claim as" },
  DERIVES_FROM: { forward: "Derives from", backward: "Source of" },
  RESPONDS_TO: { forward: "Responds to", backward: "Answered by" },
};

/** Link types that read the same both ways: A contradicts B is B contradicts A. */
export const SYMMETRIC_LINK_TYPES: ReadonlySet<LinkType> = new Set<LinkType>(["CONTRADICTS", "CORROBORATES", "SAME_CLAIM_AS"]);
