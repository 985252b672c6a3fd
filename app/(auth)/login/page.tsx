import { LoginForm } from "@/components/login-form";

// /login – email and password sign-in for students, teachers and admins.
export default function LoginPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="text-3xl font-semibold tracking-tight">Fairtutor</h1>
      <p className="mt-2 text-slate-600">Your tutor that guides you to the answer. Sign in with your school account.</p>
      <LoginForm />
    </main>
  );
}
