import { z } from "zod";
import { MEMBER_ROLES } from "../vocabulary/role";
import { emailSchema } from "./auth";

export const workspaceNameSchema = z.string().trim().min(1, "Give the workspace a name.").max(120, "Use at most 120 characters.");

export const createWorkspaceSchema = z.object({
  name: workspaceNameSchema,
  description: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
});

export const roleSchema = z.enum(MEMBER_ROLES, { error: "Choose a role: owner, editor or viewer." });

export const addMemberSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});
