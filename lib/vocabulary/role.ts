import { Role } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { Role };
export const ROLES = enumValues(Role);

export const ROLE_LABEL: Record<Role, string> = {
  OWNER: "Owner",
  EDITOR: "Editor",
  VIEWER: "Viewer",
  STUDENT: "Student",
};

/** The roles an owner hands out on the members page (students join by invite code). */
export const MEMBER_ROLES = ["OWNER", "EDITOR", "VIEWER"] as const satisfies readonly Role[];
