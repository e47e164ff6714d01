import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { isMalformedPath } from "@/lib/http/malformed-path";

/** The app pages a signed-out visitor is sent from to the sign-in page. */
const SIGNED_IN_PAGES = /^\/(library|w|documents|account|compare)(\/|$)/;

/**
 * Two conveniences, neither of them a security boundary (every page, route handler, server action
 * and service checks the session and membership itself):
 * - a path with percent-encoding that does not decode is answered 404 here (JSON for the API, the
 *   not-found page otherwise): Next.js would throw on it while matching the route and answer 500;
 * - a visitor with no session cookie at all is sent to the sign-in page. The cookie is only looked
 *   at, not decrypted: the page reads the session once, and the page decides.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isMalformedPath(pathname)) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json(
        { error: { code: "NOT_FOUND", message: "Nothing is at this address: its percent-encoding is malformed.", fieldErrors: {} } },
        { status: 404 },
      );
    }
    // No route has this path, so the app's not-found page answers, with status 404.
    return NextResponse.rewrite(new URL("/_malformed-address", request.url));
  }
  if (!SIGNED_IN_PAGES.test(pathname) || hasSessionCookie(request.headers.get("cookie"))) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Every path but Next's own assets and the upload routes; the work above is a string test unless
  // the path holds "%". Next buffers the body of every request its proxy sees and cuts it at 10 MB,
  // so uploads (up to 20 MB a file, 100 MB a batch or bundle) must not pass through here; their
  // well-formed paths are left out (a path with "%" in its id still comes here and gets its 404).
  matcher: ["/((?!_next/static|_next/image|icon\\.svg|api/workspaces/[^/%]+/(?:documents|documents/batch|import)$).*)"],
};
