import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { errorResponse } from "@/lib/http/json-response";
import { assertSameOrigin } from "@/lib/http/same-origin";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * Signing in and out (POST) only from this site's own pages: next-auth's CSRF token already
 * guards them; the origin check is the same rule every other write follows.
 */
async function POST(request: Request, context: Context) {
  try {
    assertSameOrigin(request);
  } catch (error) {
    return errorResponse(error);
  }
  return handler(request, context);
}

export { handler as GET, POST };
