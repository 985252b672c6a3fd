// When the class uses the tutor: messages by weekday and hour of day (school time), as a table whose
// cells are shaded by count — readable as numbers by screen readers, as a heat map by eye.
import { formatInt } from "./format";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function ActivityHeatmap({ cells }: { cells: number[][] }) {
  const max = Math.max(1, ...cells.flat());
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="relative overflow-x-auto">
        <table data-testid="activity-heatmap" className="w-full min-w-[36rem] table-fixed border-separate border-spacing-0.5 text-[10px]">
          <caption className="mb-2 text-left text-base font-semibold">Activity by weekday and hour</caption>
          {/* Fixed layout: 24 equal hour columns, whether or not a column has a label. */}
          <colgroup>
            <col className="w-10" />
            {Array.from({ length: 24 }, (_, h) => <col key={h} />)}
          </colgroup>
          <thead>
            <tr>
              <td />
              {Array.from({ length: 24 }, (_, h) => (
                <th key={h} scope="col" className="font-normal text-slate-500">
                  <span aria-label={`${h}:00`}>{h % 3 === 0 ? h : ""}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map((row, d) => (
              <tr key={DAYS[d]}>
                <th scope="row" className="pr-2 text-left text-xs font-normal text-slate-600">
                  <abbr title={DAYS[d]} className="no-underline">{DAYS[d]!.slice(0, 3)}</abbr>
                </th>
                {row.map((n, h) => (
                  <td key={h} title={`${DAYS[d]} ${h}:00 – ${formatInt(n)} messages`} className="h-5 rounded-sm" style={{ backgroundColor: n === 0 ? "#f1f5f9" : `rgba(79, 70, 229, ${0.15 + 0.85 * (n / max)})` }}>
                    <span className="sr-only">{formatInt(n)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
