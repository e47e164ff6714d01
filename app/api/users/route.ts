import { clientAddress } from "@/lib/auth/client-address";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { signUpUser } from "@/lib/users/sign-up-user";
import { fillSampleWorkspace } from "@/seeds/fill-sample-workspace";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** POST (JSON `{ name, email, password }`): creates an account and its first workspace. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const input = await readJsonBody(request, "{ name, email, password }", 64 * 1024);
    const { user, workspaceId } = await signUpUser(getDb(), { input, ip: clientAddress(request.headers), fillWorkspace: fillSampleWorkspace });
    return { user, workspaceId };
  }, 201);
}
