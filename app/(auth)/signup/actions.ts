"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { getDb } from "@/lib/db";
import { runAction } from "@/lib/http/action-result";
import { signUpUser } from "@/lib/users/sign-up-user";
import { fillSampleWorkspace } from "@/seeds/fill-sample-workspace";

export async function signUpAction(input: { name: string; email: string; password: string }) {
  return runAction(async () => {
    const { workspaceId } = await signUpUser(getDb(), { input, ip: clientAddress(await headers()), fillWorkspace: fillSampleWorkspace });
    return { workspaceId };
  });
}
