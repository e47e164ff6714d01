import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { getEnv } from "../env";
import { isAppError } from "../errors";
import { authenticateUser } from "./authenticate-user";
import { clientAddress } from "./client-address";
import { endUserSession } from "./end-user-sessions";
import { findLiveSession } from "./find-live-session";
import { startUserSession } from "./start-user-session";

/** Sessions last at most this long, then the person signs in again. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const SESSION_ENDED = "This session has ended.";

export const authOptions: NextAuthOptions = {
  secret: getEnv().authSecret,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endUserSession(getDb(), token.sid);
    },
  },
  logger: {
    // An ended session read through /api/auth/session is expected, not an error worth a stack.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        try {
          return await authenticateUser(getDb(), {
            email: credentials?.email,
            password: credentials?.password,
            ip: clientAddress(req?.headers),
          });
        } catch (error) {
          // next-auth hands a thrown error's message to signIn() as `error`: the form shows it.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Signing in: a session row of its own, which sign-out and password changes delete.
        token.uid = user.id;
        token.sid = await startUserSession(getDb(), { userId: user.id, maxAgeSeconds: SESSION_MAX_AGE_SECONDS });
        return token;
      }
      // Every later read through next-auth (/api/auth/session): a throw here makes next-auth
      // answer "no session" and clear the cookie.
      const live = typeof token.sid === "string" ? await findLiveSession(getDb(), token.sid) : null;
      if (!live || live.id !== token.uid) throw new Error(SESSION_ENDED);
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
};
