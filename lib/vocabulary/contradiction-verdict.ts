import { ContradictionVerdict } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { ContradictionVerdict };
export const CONTRADICTION_VERDICTS = enumValues(ContradictionVerdict);

/** A historian's verdict on a CONTRADICTS link. */
export const CONTRADICTION_VERDICT_LABEL: Record<ContradictionVerdict, string> = {
  UNRESOLVED: "Unresolved",
  FIRST_MORE_RELIABLE: "First more reliable",
  SECOND_MORE_RELIABLE: "Second more reliable",
  BOTH_WRONG: "Both wrong",
  NOT_A_CONTRADICTION: "Not a contradiction",
};
