import { AnchorStatus } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { AnchorStatus };
export const ANCHOR_STATUSES = enumValues(AnchorStatus);

export const ANCHOR_STATUS_LABEL: Record<AnchorStatus, string> = {
  ANCHORED: "Anchored",
  ORPHANED: "Orphaned",
};
