/** Dates for people: local time, short, and the "due" wording used on cards and timelines. */
const DAY = 24 * 60 * 60 * 1000;

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "due now", "overdue by 3 days", "due today", "due in 5 days". */
export function dueText(dueAt: number, now = Date.now()): string {
  const days = Math.round((dueAt - now) / DAY);
  if (dueAt <= now) return days <= -1 ? `overdue by ${-days} day${days === -1 ? '' : 's'}` : 'due now';
  if (days < 1) return 'due today';
  return `due in ${days} day${days === 1 ? '' : 's'}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Value for `<input type="date">`, local time. */
export function dateInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Value for `<input type="time">`, local time. */
export function timeInput(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Epoch ms from a date input and a time input (local time); null when either is not filled in. */
export function fromInputs(date: string, time: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return null;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2])).getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}
