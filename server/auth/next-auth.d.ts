import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      accountId: string;
      role: "customer" | "reseller";
      username: string;
      email: string;
      name: string;
      /** Must match users.session_version; see buildAuthOptions. */
      sessionVersion: number;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    accountId: string;
    role: "customer" | "reseller";
    username: string;
    sv: number;
  }
}
