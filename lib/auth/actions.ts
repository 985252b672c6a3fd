"use server";
// Server actions for the sign-in form and the sign-out button.
import { AuthError } from "next-auth";
import { signIn, signOut } from "./config";

export interface SignInState {
  error: string | null;
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    // "/" sends each role to its own home (app/page.tsx). signIn redirects by throwing, which must pass through.
    await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo: "/" });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      return {
        error:
          code === "rate_limited"
            ? "Too many sign-in attempts. Please wait a few minutes and try again."
            : "That email and password don't match an active account.",
      };
    }
    throw err;
  }
  return { error: null };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
