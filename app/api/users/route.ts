import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "@/lib/http/json-response";
import { signUpUser } from "@/lib/users/sign-up-user";

/** POST (JSON `{ name, email, password }`): creates an account and its first workspace. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    const input: unknown = await request.json().catch(() => {
      throw new AppError("INVALID_INPUT", "Send { name, email, password } as JSON.");
    });
    const { user, workspaceId } = await signUpUser(getDb(), { input });
    return { user, workspaceId };
  }, 201);
}
