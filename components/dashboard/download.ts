/** Offer `content` as a file download (an anchor with `download`, so no extra permission is needed). */
export function saveFile(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; give slow machines a moment before releasing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `2024-03-07`, in local time, for file names. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
