"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { getDb } from "@/lib/db";
import { runAction } from "@/lib/http/action-result";
import { signUpUser } from "@/lib/users/sign-up-user";

export async function signUpAction(input: { name: string; email: string; password: string }) {
  return runAction(async () => {
    const { workspaceId } = await signUpUser(getDb(), { input, ip: clientAddress(await headers()) });
    return { workspaceId };
  });
}
