import type { ClassSummary } from "@/lib/db/classes";

export function ClassTable({ classes, caption }: { classes: ClassSummary[]; caption: string }) {
  if (classes.length === 0) return <p className="text-slate-600">No classes yet.</p>;
  return (
    <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm ring-1 ring-slate-200">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-100 text-slate-700">
        <tr>
          <th scope="col" className="px-4 py-2">Class</th>
          <th scope="col" className="px-4 py-2">Subject</th>
          <th scope="col" className="px-4 py-2 text-right">Students</th>
          <th scope="col" className="px-4 py-2 text-right">Messages today</th>
          <th scope="col" className="px-4 py-2 text-right">Tokens today</th>
        </tr>
      </thead>
      <tbody>
        {classes.map((c) => (
          <tr key={c.id} data-testid="class-row" data-class-id={c.id} className="border-t border-slate-100">
            <th scope="row" className="px-4 py-2 font-medium">{c.name}</th>
            <td className="px-4 py-2">{c.subject ?? "—"}</td>
            <td className="px-4 py-2 text-right">{c.students}</td>
            <td className="px-4 py-2 text-right" data-testid="messages-today">{c.messagesToday}</td>
            <td className="px-4 py-2 text-right">{c.tokensToday.toLocaleString("en")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
