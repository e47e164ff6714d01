import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

/**
 * Sends signed-out visitors of app pages to the sign-in page. This is a convenience only: every
 * page, route handler, server action and service checks the session and membership itself.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: getEnv().authSecret });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/library/:path*", "/w/:path*", "/documents/:path*", "/account/:path*"],
};
