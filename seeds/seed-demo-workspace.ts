import type { Db } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import { createWorkspace } from "../lib/workspaces/create-workspace";
import { fillSampleWorkspace } from "./fill-sample-workspace";

/** The local demo account. Only made where no NEXTAUTH_SECRET is configured: never on a real deployment. */
export const DEMO_ACCOUNT = { email: "demo@workbench.local", password: "congress-1925", name: "Demo Historian" } as const;

const DEMO_SEED_KEY = "demo-corpus";

/**
 * On first start: a demo account and a workspace holding the seed corpus and the demo annotations. Idempotent: a database
 * that has the demo workspace already is left as it is. Returns whether anything was created.
 */
export async function seedDemoWorkspace(db: Db): Promise<{ created: boolean }> {
  if (await db.workspace.findUnique({ where: { seedKey: DEMO_SEED_KEY }, select: { id: true } })) return { created: false };
  const passwordHash = await hashPassword(DEMO_ACCOUNT.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: DEMO_ACCOUNT.email },
      create: { email: DEMO_ACCOUNT.email, name: DEMO_ACCOUNT.name, passwordHash },
      update: {},
    });
    const workspace = await createWorkspace(tx, {
      actor: user,
      input: { name: "14th Party Congress, 1925 (demo)", description: "Five accounts of the 14th Congress of the All-Union Communist Party (Bolsheviks), December 1925, which disagree with each other." },
    });
    await tx.workspace.update({ where: { id: workspace.id }, data: { seedKey: DEMO_SEED_KEY } });
    await fillSampleWorkspace(tx, { actor: user, workspaceId: workspace.id });
  });
  return { created: true };
}
