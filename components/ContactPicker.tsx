import { useEffect, useId, useState } from 'preact/hooks';
import { ask } from '../lib/client';
import type { PersonMatch } from '../lib/messages';
import { PAGE_SEARCH } from '../lib/page-scope';

export type Picked = { type: 'contact'; contact: PersonMatch } | { type: 'name'; name: string } | null;

/** Typing pauses this long before a search: one request per pause, not per key. */
const SEARCH_DELAY_MS = 120;

export type Props = {
  label: string;
  value: Picked;
  onChange: (value: Picked) => void;
  placeholder?: string;
  /** Contacts not to offer (e.g. the person being logged). */
  excludeId?: string;
  testId?: string;
  /** The suggestion list's id (default: a generated one); fixed where plain DOM draws the field first. */
  listId?: string;
};

/**
 * A name field that searches existing contacts as you type; picking one links the contact, and
 * anything typed without picking is kept as a free-text name. It lives on LinkedIn and Gmail too,
 * so it uses the page search (`contact.find`: from two letters, a handful of names).
 */
export function ContactPicker({ label, value, onChange, placeholder, excludeId, testId, listId: fixedListId }: Props) {
  const [text, setText] = useState(value?.type === 'contact' ? value.contact.name : (value?.name ?? ''));
  const [options, setOptions] = useState<PersonMatch[]>([]);
  const [open, setOpen] = useState(false);
  const generatedId = useId();
  const listId = fixedListId ?? generatedId;

  useEffect(() => {
    const q = text.trim();
    if (q.length < PAGE_SEARCH.minChars || (value?.type === 'contact' && value.contact.name === text)) {
      setOptions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      ask('contact.find', { query: q }).then(
        (found) => live && setOptions(found.filter((c) => c.id !== excludeId)),
        () => live && setOptions([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const type = (t: string) => {
    setText(t);
    setOpen(true);
    onChange(t.trim() ? { type: 'name', name: t.trim() } : null);
  };

  return (
    <div class="wi-picker">
      <label class="wi-field">
        <span>{label}</span>
        <input
          type="text"
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          value={text}
          placeholder={placeholder}
          data-testid={testId}
          onInput={(e) => type((e.target as HTMLInputElement).value)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => setOpen(true)}
        />
      </label>
      {value?.type === 'contact' && <p class="wi-quiet wi-picker__linked">Linked to your contact {value.contact.name}</p>}
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" class="wi-picker__options">
          {options.map((c) => (
            <li
              key={c.id}
              role="option"
              aria-selected={false}
              tabIndex={-1}
              data-testid="wi-picker-option"
              onMouseDown={(e) => {
                e.preventDefault();
                setText(c.name);
                setOpen(false);
                onChange({ type: 'contact', contact: c });
              }}
            >
              <strong>{c.name}</strong>
              {c.company && <span class="wi-quiet"> · {c.company}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function pickedToReferrer(p: Picked) {
  if (!p) return null;
  return p.type === 'contact' ? { type: 'contact' as const, contactId: p.contact.id } : { type: 'name' as const, name: p.name };
}
