"use client";

export interface ConversationItem {
  id: string;
  title: string;
  subject: string | null;
  updatedAt: string;
}

export function ConversationList({ items, activeId, onOpen, onNew }: { items: ConversationItem[]; activeId: string | null; onOpen: (id: string) => void; onNew: () => void }) {
  return (
    <nav aria-label="Conversations" className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <button type="button" onClick={onNew} className="w-full rounded-md bg-indigo-50 px-3 py-2 text-left text-sm font-medium text-indigo-800 hover:bg-indigo-100">+ New conversation</button>
      <ul className="mt-3 space-y-1 text-sm">
        {items.map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => onOpen(c.id)} aria-current={c.id === activeId ? "true" : undefined} className={`w-full truncate rounded-md px-3 py-1.5 text-left hover:bg-slate-100 ${c.id === activeId ? "bg-slate-100 font-medium" : ""}`}>
              {c.title}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
