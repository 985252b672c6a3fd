// What a page shows instead of data the user may not see (the APIs answer 403 in the envelope).
import Link from "next/link";

export function AccessDenied({ message }: { message: string }) {
  return (
    <div role="alert" data-testid="access-denied" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-rose-200">
      <h1 className="text-xl font-semibold text-rose-800">No access</h1>
      <p className="mt-2 text-slate-700">{message}</p>
      <Link href="/teacher" className="mt-4 inline-block text-indigo-700 underline">Back to my classes</Link>
    </div>
  );
}
