// Announcements (issue #16): write a message, pick who gets it, see it in your own chat first, send.
// Only customers who did not opt out get it; each copy carries an Unsubscribe button. The server sends
// through the outbox under Telegram's global rate; this screen shows how the copies stand.
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { LOCALE_NAMES, LOCALES } from '../../../i18n/supported-locales';
import { ApiError } from '../../../platform/api-client';
import { useAdminApi } from '../common/admin-api';
import { Field } from '../common/field';
import { useToast } from '../common/toast';
import {
  announcementStatus,
  previewAnnouncement,
  sendAnnouncement,
  useAudienceCategories,
  type AnnouncementInput,
  type AnnouncementStatus,
  type Audience,
} from './api';

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

interface Draft {
  text: string;
  photoUrl: string;
  buttonText: string;
  buttonUrl: string;
  audience: 'all' | 'language' | 'category';
  language: string;
  categoryId: string;
}

const EMPTY: Draft = { text: '', photoUrl: '', buttonText: '', buttonUrl: '', audience: 'all', language: 'en', categoryId: '' };

export function AnnouncementsScreen() {
  const [id, setId] = useState(() => crypto.randomUUID());
  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.announce.title')}</h1>
      <p className="hint">{tAdmin('admin.announce.intro')}</p>
      <AnnouncementForm key={id} id={id} onAnother={() => setId(crypto.randomUUID())} />
    </>
  );
}

/** The draft as the API takes it, or the first thing to fix. */
function readDraft(draft: Draft): { ok: true; input: AnnouncementInput } | { ok: false; problem: string } {
  const text = draft.text.trim();
  const photoUrl = draft.photoUrl.trim() || null;
  if (!text) return { ok: false, problem: tAdmin('admin.announce.error.text') };
  if (text.length > (photoUrl ? CAPTION_LIMIT : TEXT_LIMIT))
    return { ok: false, problem: tAdmin('admin.announce.error.long', { max: photoUrl ? CAPTION_LIMIT : TEXT_LIMIT }) };
  if (photoUrl && !/^https:\/\/\S+\.(jpe?g|png)(\?\S*)?$/i.test(photoUrl)) return { ok: false, problem: tAdmin('admin.announce.error.photo') };
  const buttonText = draft.buttonText.trim();
  const buttonUrl = draft.buttonUrl.trim();
  if ((buttonText === '') !== (buttonUrl === '') || (buttonUrl && !/^(https|tg):\/\/\S+$/.test(buttonUrl)))
    return { ok: false, problem: tAdmin('admin.announce.error.button') };
  let audience: Audience = { kind: 'all' };
  if (draft.audience === 'language') audience = { kind: 'language', language: draft.language };
  if (draft.audience === 'category') {
    if (!draft.categoryId) return { ok: false, problem: tAdmin('admin.announce.error.category') };
    audience = { kind: 'category', categoryId: draft.categoryId };
  }
  return { ok: true, input: { text, photoUrl, button: buttonText ? { text: buttonText, url: buttonUrl } : null, audience } };
}

function AnnouncementForm({ id, onAnother }: { id: string; onAnother: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const categories = useAudienceCategories();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [previewed, setPreviewed] = useState<{ recipients: number; previewSent: boolean } | null>(null);
  const [status, setStatus] = useState<AnnouncementStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // Anything changed after the preview must be previewed again before it is sent.
    setPreviewed(null);
  };
  const run = async (work: (input: AnnouncementInput) => Promise<void>) => {
    const read = readDraft(draft);
    if (!read.ok) return setProblem(read.problem);
    setProblem(null);
    setBusy(true);
    try {
      await work(read.input);
    } catch (caught) {
      setProblem(caught instanceof ApiError && caught.status < 500 ? caught.message : tAdmin('admin.error.saveFailed'));
    } finally {
      setBusy(false);
    }
  };
  const preview = () => run(async (input) => setPreviewed(await previewAnnouncement(api, input)));
  const send = () =>
    run(async (input) => {
      const answer = await sendAnnouncement(api, { ...input, id });
      toast(tAdmin('admin.announce.sent', { count: answer.recipients }));
      setStatus(await announcementStatus(api, id));
    });
  const refresh = () => run(async () => setStatus(await announcementStatus(api, id)));

  if (status) {
    return (
      <section className="card" data-testid="announce-status">
        <p>{tAdmin('admin.announce.sent', { count: status.recipients })}</p>
        <p className="hint" aria-live="polite" data-testid="announce-counts">
          {tAdmin('admin.announce.counts', { ...status.messages })}
        </p>
        <div className="admin-actions__buttons">
          <button type="button" className="button" disabled={busy} onClick={() => void refresh()}>
            {tAdmin('admin.channel.refresh')}
          </button>
          <button type="button" className="button button--primary" onClick={onAnother}>
            {tAdmin('admin.announce.another')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      className="card admin-form"
      data-testid="announce-form"
      onSubmit={(e) => {
        e.preventDefault();
        void preview();
      }}
    >
      <Field label={tAdmin('admin.announce.text')} hint={tAdmin('admin.announce.textHint')}>
        <textarea className="input" data-testid="announce-text" rows={5} dir="auto" value={draft.text} onChange={(e) => set({ text: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.announce.photo')} hint={tAdmin('admin.announce.photoHint')}>
        <input className="input" dir="ltr" inputMode="url" value={draft.photoUrl} onChange={(e) => set({ photoUrl: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.announce.buttonText')}>
        <input className="input" dir="auto" value={draft.buttonText} onChange={(e) => set({ buttonText: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.announce.buttonUrl')}>
        <input className="input" dir="ltr" inputMode="url" value={draft.buttonUrl} onChange={(e) => set({ buttonUrl: e.target.value })} />
      </Field>
      <Field label={tAdmin('admin.announce.audience')}>
        <select
          className="input"
          data-testid="announce-audience"
          value={draft.audience}
          onChange={(e) => set({ audience: e.target.value as Draft['audience'] })}
        >
          <option value="all">{tAdmin('admin.announce.audience.all')}</option>
          <option value="language">{tAdmin('admin.announce.audience.language')}</option>
          <option value="category">{tAdmin('admin.announce.audience.category')}</option>
        </select>
      </Field>
      {draft.audience === 'language' && (
        <Field label={tAdmin('admin.channel.language')}>
          <select className="input" value={draft.language} onChange={(e) => set({ language: e.target.value })}>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </Field>
      )}
      {draft.audience === 'category' && (
        <Field label={tAdmin('admin.announce.audience.category')}>
          <select className="input" value={draft.categoryId} onChange={(e) => set({ categoryId: e.target.value })}>
            <option value="">—</option>
            {(categories.data ?? []).map((category) => (
              <option key={category.id} value={category.id}>
                {category.title}
              </option>
            ))}
          </select>
        </Field>
      )}
      {problem && (
        <p className="field__error" role="alert" data-testid="announce-problem">
          {problem}
        </p>
      )}
      {previewed && (
        <p className="hint" data-testid="announce-previewed" aria-live="polite">
          {tAdmin(previewed.previewSent ? 'admin.announce.previewed' : 'admin.announce.previewedNoChat', { count: previewed.recipients })}
        </p>
      )}
      <div className="admin-actions__buttons">
        <button type="submit" className="button" data-testid="announce-preview" disabled={busy} aria-busy={busy || undefined}>
          {tAdmin('admin.announce.preview')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="announce-send"
          disabled={busy || !previewed || previewed.recipients === 0}
          onClick={() => void send()}
        >
          {tAdmin('admin.announce.send', { count: previewed?.recipients ?? 0 })}
        </button>
      </div>
    </form>
  );
}
