import { useState } from 'preact/hooks';
import { ask } from '../../lib/client';
import { contactsToCsv } from '../../lib/csv';
import { parseContactsFile, type ImportIssue, type ImportParse } from '../../lib/import';
import { fileDigest, importInParts, type PartsProgress } from '../../lib/import-parts';
import { BACKUP_FORMAT } from '../../lib/schemas';
import { ConfirmButton, Status, useAction } from './common';
import { saveFile, today } from './download';
import { formatDateTime } from './format';

/** Rows listed on screen; the rest are counted. */
const ISSUES_SHOWN = 200;
const n = (x: number) => x.toLocaleString();

async function downloadBackup(): Promise<void> {
  const backup = await ask('backup.export');
  saveFile(`warm-intro-backup-${today()}.json`, 'application/json', JSON.stringify(backup, null, 2));
}

async function downloadCsv(): Promise<void> {
  const contacts = await ask('contact.list');
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const csv = contactsToCsv(contacts, (c) =>
    c.referrer ? (c.referrer.type === 'name' ? c.referrer.name : (names.get(c.referrer.contactId) ?? null)) : null,
  );
  saveFile(`warm-intro-contacts-${today()}.csv`, 'text/csv;charset=utf-8', csv);
}

function Issues(props: { title: string; issues: ImportIssue[]; testId: string; tone: 'error' | 'warning' }) {
  if (!props.issues.length) return null;
  return (
    <details class={`wi-issues wi-issues--${props.tone}`} open={props.tone === 'error'}>
      <summary>
        {props.title} ({n(props.issues.length)})
      </summary>
      <ol data-testid={props.testId}>
        {props.issues.slice(0, ISSUES_SHOWN).map((i, k) => (
          <li key={k}>
            <strong>{i.line ? `Line ${i.line}` : 'File'}:</strong> {i.reason}
          </li>
        ))}
      </ol>
      {props.issues.length > ISSUES_SHOWN && <p class="wi-quiet">…and {n(props.issues.length - ISSUES_SHOWN)} more.</p>}
    </details>
  );
}

function ExportPanel() {
  const action = useAction();
  return (
    <section class="wi-panel" aria-labelledby="wi-export-title">
      <h2 id="wi-export-title">Export</h2>
      <p class="wi-quiet wi-hint">Everything stays on this computer. A backup is the only copy outside the browser: keep one somewhere safe.</p>
      <div class="wi-row">
        <button type="button" disabled={action.busy} data-testid="wi-export-json" onClick={() => void action.run(downloadBackup, 'Backup downloaded.')}>
          Download full backup (JSON)
        </button>
        <button type="button" class="wi-quiet" disabled={action.busy} data-testid="wi-export-csv" onClick={() => void action.run(downloadCsv, 'Contacts exported.')}>
          Export contacts (CSV)
        </button>
      </div>
      <Status error={action.error} done={action.done} />
    </section>
  );
}

function ImportPanel() {
  const [fileName, setFileName] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [parsed, setParsed] = useState<ImportParse | null>(null);
  const [duplicates, setDuplicates] = useState<'merge' | 'skip'>('merge');
  /** Where the people go: LinkedIn's connections export is your network (people you know), not the board. */
  const [target, setTarget] = useState<'network' | 'pipeline'>('pipeline');
  const [result, setResult] = useState<{ text: string; target: 'network' | 'pipeline' } | null>(null);
  /** The file's SHA-256: with the choices made, the id that lets an import stopped midway resume. */
  const [digest, setDigest] = useState('');
  const [writing, setWriting] = useState<PartsProgress | null>(null);
  const action = useAction();

  const read = async (file: File) => {
    setParsed(null);
    setResult(null);
    setFileName(file.name);
    setProgress(0);
    await action.run(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const read = await parseContactsFile(bytes, { onProgress: setProgress });
      setDigest(await fileDigest(bytes));
      setTarget(read.format === 'linkedin' ? 'network' : 'pipeline');
      setParsed(read);
    });
    setProgress(null);
  };

  const write = async (drafts: ImportParse['drafts']) => {
    // Parts of 2,000, each one transaction (lib/import-parts.ts): a refused part writes nothing,
    // and choosing the same file again after an interruption resumes where it stopped.
    const importId = `${digest}:${target}:${duplicates}`;
    try {
      const r = await importInParts(drafts, (request) => ask('contacts.import', request), { importId, duplicates, target, onProgress: setWriting });
      // The user just said these people belong in the pipeline: the board's offer to move
      // untouched imported prospects to the network (made for older imports) would
      // ask the same question again about them.
      if (target === 'pipeline') await ask('network.dismissMove').catch(() => {});
      const where = target === 'network' ? 'They are in your network, not on the board.' : 'They are on the board, as prospects.';
      const counts = `${n(r.added)} added, ${n(r.merged)} merged, ${n(r.skipped)} skipped`;
      const text =
        r.earlier === 0
          ? `Imported: ${counts}. ${where}`
          : r.earlier === drafts.length
            ? `This file was already imported (with the same choices): nothing was written again. ${where}`
            : `Imported the rest of this file: ${counts}. The first ${n(r.earlier)} contacts had been imported before (an import that stopped midway) and were not written again. ${where}`;
      setResult({ text, target });
    } finally {
      setWriting(null);
    }
  };

  const ready = parsed?.drafts.length ?? 0;
  return (
    <section class="wi-panel" aria-labelledby="wi-import-title">
      <h2 id="wi-import-title">Import contacts from CSV</h2>
      <p class="wi-quiet wi-hint">
        LinkedIn’s own export works as it is (Settings → Data privacy → Get a copy of your data → Connections). Any other CSV needs a header
        row: Name (or First Name and Last Name), and optionally E-mail, LinkedIn URL, Company, Headline, Tags.
      </p>
      <label class="wi-field">
        <span>CSV file</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="wi-import-file"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void read(file);
            input.value = '';
          }}
        />
      </label>
      {progress !== null && (
        <div class="wi-progress">
          <label for="wi-import-progress">Reading {fileName}…</label>
          <progress id="wi-import-progress" max={1} value={progress} data-testid="wi-import-progress" />
        </div>
      )}
      {parsed && (
        <div class="wi-import-result" data-testid="wi-import-preview">
          <p data-testid="wi-import-summary">
            <strong>{n(ready)}</strong> contact{ready === 1 ? '' : 's'} ready from {fileName}
            {parsed.format === 'linkedin' ? ' (LinkedIn connections export)' : ''}
            {parsed.errors.length > 0 && (
              <>
                ; <strong>{n(parsed.errors.length)}</strong> row{parsed.errors.length === 1 ? '' : 's'} cannot be imported
              </>
            )}
            .{parsed.encoding === 'windows-1252' && ' The file is not UTF-8; it was read as Windows-1252 (Western European).'}
          </p>
          <Issues title="Rows that cannot be imported" issues={parsed.errors} tone="error" testId="wi-import-errors" />
          <Issues title="Imported with a caveat" issues={parsed.warnings} tone="warning" testId="wi-import-warnings" />
          {ready > 0 && !result && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void action.run(() => write(parsed.drafts));
              }}
            >
              <fieldset data-testid="wi-import-target">
                <legend>Import these people into</legend>
                <label class="wi-check">
                  <input
                    type="radio"
                    name="target"
                    value="network"
                    checked={target === 'network'}
                    data-testid="wi-import-target-network"
                    onChange={() => setTarget('network')}
                  />
                  Your network: people you know, who can introduce you (LinkedIn connections). Not on the board.
                </label>
                <label class="wi-check">
                  <input
                    type="radio"
                    name="target"
                    value="pipeline"
                    checked={target === 'pipeline'}
                    data-testid="wi-import-target-pipeline"
                    onChange={() => setTarget('pipeline')}
                  />
                  The pipeline: people you plan to ask for an informational interview, as prospects on the board.
                </label>
              </fieldset>
              <fieldset>
                <legend>Someone already in Warm Intro (same LinkedIn URL or e-mail)</legend>
                <label class="wi-check">
                  <input type="radio" name="duplicates" value="merge" checked={duplicates === 'merge'} onChange={() => setDuplicates('merge')} />
                  Merge: fill in missing details, add e-mails and tags
                </label>
                <label class="wi-check">
                  <input
                    type="radio"
                    name="duplicates"
                    value="skip"
                    checked={duplicates === 'skip'}
                    data-testid="wi-import-skip"
                    onChange={() => setDuplicates('skip')}
                  />
                  Skip: keep what you have
                </label>
              </fieldset>
              <div class="wi-row">
                <button type="submit" disabled={action.busy} data-testid="wi-import-confirm">
                  Import {n(ready)} contact{ready === 1 ? '' : 's'}
                </button>
              </div>
              {writing && (
                <div class="wi-progress">
                  <label for="wi-import-writing">
                    Importing… {n(writing.done)} of {n(writing.total)}
                  </label>
                  <progress
                    id="wi-import-writing"
                    max={writing.total}
                    value={writing.done}
                    aria-valuemin={0}
                    aria-valuemax={writing.total}
                    aria-valuenow={writing.done}
                    aria-valuetext={`${n(writing.done)} of ${n(writing.total)} contacts`}
                    data-testid="wi-import-writing"
                  />
                </div>
              )}
            </form>
          )}
        </div>
      )}
      {result && (
        <p role="status" data-testid="wi-import-result">
          {result.text}{' '}
          {result.target === 'network' ? <a href="#/network">See your network</a> : <a href="#/board">See them on the board</a>}
        </p>
      )}
      <Status error={action.error} testId="wi-import" />
    </section>
  );
}

interface PendingRestore {
  name: string;
  backup: unknown;
  exportedAt: number | null;
  counts: { contacts: number; attempts: number; meetings: number };
  current: number;
}

function RestorePanel() {
  const [pending, setPending] = useState<PendingRestore | null>(null);
  const action = useAction();
  const backupNow = useAction();

  const choose = async (file: File) => {
    setPending(null);
    await action.run(async () => {
      let backup: unknown;
      try {
        backup = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not a Warm Intro backup (it is not JSON).`);
      }
      const b = backup as Record<string, unknown>;
      if (!b || typeof b !== 'object' || b.format !== BACKUP_FORMAT) throw new Error(`${file.name} is not a Warm Intro backup.`);
      const len = (k: string) => (Array.isArray(b[k]) ? (b[k] as unknown[]).length : 0);
      const summary = await ask('pipeline.summary');
      setPending({
        name: file.name,
        backup,
        exportedAt: typeof b.exportedAt === 'number' ? b.exportedAt : null,
        counts: { contacts: len('contacts'), attempts: len('attempts'), meetings: len('meetings') },
        current: summary.total,
      });
    });
  };

  return (
    <section class="wi-panel" aria-labelledby="wi-restore-title">
      <h2 id="wi-restore-title">Restore a backup</h2>
      <label class="wi-field">
        <span>Backup file (.json)</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="wi-restore-file"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void choose(file);
            input.value = '';
          }}
        />
      </label>
      {pending && (
        <div class="wi-confirm" role="group" aria-label="Confirm restore" data-testid="wi-restore-pending">
          <p>
            Restoring <strong>{pending.name}</strong>
            {pending.exportedAt !== null && <> (saved {formatDateTime(pending.exportedAt)})</>}: {n(pending.counts.contacts)} contacts,{' '}
            {n(pending.counts.attempts)} notes sent, {n(pending.counts.meetings)} meetings.
          </p>
          <p>
            <strong>This replaces everything now in Warm Intro{pending.current ? ` (${n(pending.current)} contacts)` : ''}.</strong>{' '}
            {pending.current > 0 && 'Download a backup of your current data first if you may want it back.'}
          </p>
          <div class="wi-row">
            {pending.current > 0 && (
              <button type="button" class="wi-quiet" disabled={backupNow.busy} data-testid="wi-restore-backup-first" onClick={() => void backupNow.run(downloadBackup, 'Current data downloaded.')}>
                Download current data first
              </button>
            )}
            <button
              type="button"
              class="wi-danger wi-danger--solid"
              disabled={action.busy}
              data-testid="wi-restore-confirm"
              onClick={() =>
                void action.run(async () => {
                  const r = await ask('backup.restore', { backup: pending.backup });
                  setPending(null);
                  return r;
                }, `Restored ${n(pending.counts.contacts)} contacts.`)
              }
            >
              Replace my data with this backup
            </button>
            <button type="button" class="wi-quiet" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
          <Status error={backupNow.error} done={backupNow.done} />
        </div>
      )}
      <Status error={action.error} done={action.done} testId="wi-restore" />
    </section>
  );
}

function DangerZone() {
  const action = useAction();
  return (
    <section class="wi-panel wi-panel--danger" aria-labelledby="wi-danger-title">
      <h2 id="wi-danger-title">Delete all data</h2>
      <p class="wi-quiet wi-hint">Removes every contact, note, meeting, template and setting from this browser.</p>
      <ConfirmButton
        label="Delete all data…"
        testId="wi-clear-all"
        question="Delete everything Warm Intro holds? This cannot be undone. Download a backup first if you may want it back."
        confirmLabel="Yes, delete everything"
        extra={
          <button type="button" class="wi-quiet" onClick={() => void action.run(downloadBackup, 'Backup downloaded.')}>
            Download a backup first
          </button>
        }
        onConfirm={() => action.run(() => ask('data.clear'), 'All data deleted.')}
      />
      <Status error={action.error} done={action.done} testId="wi-clear" />
    </section>
  );
}

/** Backup and restore, CSV export and import, and deleting everything. */
export function DataView() {
  return (
    <section class="wi-data" aria-labelledby="wi-data-title">
      <h1 id="wi-data-title">Import &amp; export</h1>
      <div class="wi-data__grid">
        <ImportPanel />
        <div>
          <ExportPanel />
          <RestorePanel />
          <DangerZone />
        </div>
      </div>
    </section>
  );
}
