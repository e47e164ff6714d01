import { Visibility } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { Visibility };
export const VISIBILITIES = enumValues(Visibility);

export const VISIBILITY_LABEL: Record<Visibility, string> = {
  PRIVATE: "Private",
  WORKSPACE: "Workspace",
};
