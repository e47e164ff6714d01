import type { Db, DbClient } from "../db";
import { AppError } from "../errors";
import { isUniqueConstraintError } from "../db-errors";
import { registerSignUp } from "../auth/login-throttle";
import { hashPassword } from "../auth/password";
import { signUpSchema } from "../validations/auth";
import { parseInput } from "../validations/parse-input";
import { createWorkspace } from "../workspaces/create-workspace";

/** Fills a new workspace, inside the transaction that creates it. */
export type WorkspaceFiller = (tx: DbClient, target: { actor: { id: string }; workspaceId: string }) => Promise<void>;

/**
 * Creates an account and its first workspace, which holds a copy of the sample corpus and the demo
 * annotations (in the new user's name, theirs to keep or delete), so the workbench is seen in use.
 * The workspace is the person's own: nobody else sees it. At most SIGN_UP_POLICY accounts per
 * client address and hour.
 *
 * What the first workspace starts with comes from `fillWorkspace`, which app/ passes in (the sample
 * corpus lives in seeds/, and lib/ never imports seeds/); it runs in the sign-up's transaction.
 */
export async function signUpUser(db: Db, { input, ip, fillWorkspace }: { input: unknown; ip: string; fillWorkspace: WorkspaceFiller }) {
  const { name, email, password } = parseInput(signUpSchema, input);
  // Counted once the form is valid, so a typo does not use up an address's allowance.
  await registerSignUp(db, ip);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { email: "Already registered." });
  }
  const passwordHash = await hashPassword(password);
  const created = db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { name, email, passwordHash }, select: { id: true, email: true, name: true } });
    const workspace = await createWorkspace(tx, {
      actor: user,
      input: { name: `${name}’s workspace`, description: "Starts with the sample corpus: five accounts of the 14th Party Congress, December 1925." },
    });
    await fillWorkspace(tx, { actor: user, workspaceId: workspace.id });
    return { user, workspaceId: workspace.id };
  });
  // Two sign-ups with one email at the same moment: the unique index decides, the loser is told why.
  return created.catch((error: unknown) => {
    if (isUniqueConstraintError(error)) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { email: "Already registered." });
    throw error;
  });
}
