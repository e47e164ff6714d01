import { ClaimVerdict } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { ClaimVerdict };
export const CLAIM_VERDICTS = enumValues(ClaimVerdict);

export const CLAIM_VERDICT_LABEL: Record<ClaimVerdict, string> = {
  UNVERIFIED: "Unverified",
  CORROBORATED: "Corroborated",
  DISPUTED: "Disputed",
  REFUTED: "Refuted",
};
