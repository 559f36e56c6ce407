// Channel posts (issue #16): pick products, a caption language and optionally a time; see exactly what
// each channel will get; post. The server sends through the outbox within Telegram's per-channel limit,
// and this screen shows how the post's messages stand.
import { useEffect, useMemo, useRef, useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { currentLocale } from '../../../i18n/i18n';
import { LOCALE_NAMES, LOCALES, matchLocale, type Locale } from '../../../i18n/supported-locales';
import { ApiError } from '../../../platform/api-client';
import { useAdminApi } from '../common/admin-api';
import { Field } from '../common/field';
import { PendingView } from '../common/pending-view';
import { useToast } from '../common/toast';
import { channelPostStatus, previewChannelPost, sendChannelPost, useChannelProducts, type ChannelPostCounts, type PreviewedPost } from './api';

const MAX_PRODUCTS = 10;
const MAX_DAYS_AHEAD = 30;

export function ChannelPostsScreen() {
  const products = useChannelProducts();
  const [postId, setPostId] = useState(() => crypto.randomUUID());
  return (
    <>
      <h1 className="screen__title">{tAdmin('admin.channel.title')}</h1>
      <p className="hint">{tAdmin('admin.channel.intro')}</p>
      {!products.data ? (
        <PendingView resource={products} label={tAdmin('admin.channel.title')} />
      ) : (
        <ChannelPostForm
          key={postId}
          postId={postId}
          products={products.data.products.filter((p) => p.active)}
          onAnother={() => setPostId(crypto.randomUUID())}
        />
      )}
    </>
  );
}

type Stage = { kind: 'composing' } | { kind: 'previewed'; channels: string[]; posts: PreviewedPost[] } | { kind: 'planned'; count: number; firstAt: string };

function ChannelPostForm({ postId, products, onAnother }: { postId: string; products: { slug: string; title: string }[]; onAnother: () => void }) {
  const api = useAdminApi();
  const toast = useToast();
  const [chosen, setChosen] = useState<string[]>([]);
  const [locale, setLocale] = useState<Locale>(() => matchLocale(currentLocale()) ?? 'en');
  const [later, setLater] = useState(false);
  const [sendAt, setSendAt] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'composing' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [counts, setCounts] = useState<ChannelPostCounts | null>(null);

  const request = { products: chosen, locale };
  const sendAtError = later && !validSendAt(sendAt) ? tAdmin('admin.channel.sendAtInvalid') : null;
  const edit = (change: () => void) => {
    change();
    setStage({ kind: 'composing' });
    setProblem(null);
  };
  const toggle = (slug: string, on: boolean) => edit(() => setChosen((list) => (on ? [...list, slug] : list.filter((s) => s !== slug))));

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (caught) {
      setProblem(explain(caught));
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    run(async () => {
      const answer = await previewChannelPost(api, request);
      setStage({ kind: 'previewed', channels: answer.channels, posts: answer.posts });
    });
  const send = () =>
    run(async () => {
      const answer = await sendChannelPost(api, { ...request, postId, ...(later && { sendAt: new Date(sendAt).toISOString() }) });
      const firstAt = answer.planned.map((p) => p.sendAt).sort()[0] ?? new Date().toISOString();
      setStage({ kind: 'planned', count: answer.planned.length, firstAt });
      setCounts(await channelPostStatus(api, postId));
      toast(tAdmin('admin.channel.planned', { count: answer.planned.length, time: formatWhen(firstAt) }));
    });
  const refresh = () => run(async () => setCounts(await channelPostStatus(api, postId)));

  if (products.length === 0) return <p className="hint">{tAdmin('admin.channel.noProducts')}</p>;
  if (stage.kind === 'planned') {
    return (
      <section className="card" data-testid="channel-planned">
        <p>{tAdmin('admin.channel.planned', { count: stage.count, time: formatWhen(stage.firstAt) })}</p>
        {counts && (
          <p className="hint" data-testid="channel-status" aria-live="polite">
            {tAdmin('admin.channel.status', { ...counts })}
          </p>
        )}
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
        <div className="admin-actions__buttons">
          <button type="button" className="button" disabled={busy} onClick={() => void refresh()}>
            {tAdmin('admin.channel.refresh')}
          </button>
          <button type="button" className="button button--primary" onClick={onAnother}>
            {tAdmin('admin.channel.another')}
          </button>
        </div>
      </section>
    );
  }

  const tooMany = chosen.length > MAX_PRODUCTS;
  const canPreview = chosen.length > 0 && !tooMany && !sendAtError;
  return (
    <form
      className="card admin-form"
      data-testid="channel-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (canPreview) void preview();
      }}
    >
      <fieldset className="promo-scope channel-products" data-testid="channel-products">
        <legend>{tAdmin('admin.channel.products')}</legend>
        {tooMany && <p className="field__error">{tAdmin('admin.channel.tooMany')}</p>}
        {products.map((product) => (
          <label key={product.slug} className="admin-filter">
            <input
              type="checkbox"
              data-testid="channel-product"
              value={product.slug}
              checked={chosen.includes(product.slug)}
              onChange={(e) => toggle(product.slug, e.target.checked)}
            />
            <bdi>{product.title}</bdi>
          </label>
        ))}
      </fieldset>
      <Field label={tAdmin('admin.channel.language')}>
        <select className="input" data-testid="channel-locale" value={locale} onChange={(e) => edit(() => setLocale(e.target.value as Locale))}>
          {LOCALES.map((code) => (
            <option key={code} value={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
      </Field>
      <label className="admin-filter">
        <input type="checkbox" checked={later} onChange={(e) => edit(() => setLater(e.target.checked))} />
        <span>{tAdmin('admin.channel.later')}</span>
      </label>
      {later && (
        <Field label={tAdmin('admin.channel.sendAt')} error={sendAt ? sendAtError : null}>
          <input className="input" type="datetime-local" value={sendAt} onChange={(e) => edit(() => setSendAt(e.target.value))} />
        </Field>
      )}
      {problem && (
        <p className="field__error" role="alert" data-testid="channel-problem">
          {problem}
        </p>
      )}
      <div className="admin-actions__buttons">
        <button type="submit" className="button" data-testid="channel-preview" disabled={busy || !canPreview} aria-busy={busy || undefined}>
          {tAdmin('admin.channel.preview')}
        </button>
        {chosen.length === 0 && <span className="hint">{tAdmin('admin.channel.pickOne')}</span>}
      </div>
      {stage.kind === 'previewed' && <PostPreview channels={stage.channels} posts={stage.posts} busy={busy} onSend={() => void send()} />}
    </form>
  );
}

function PostPreview({ channels, posts, busy, onSend }: { channels: string[]; posts: PreviewedPost[]; busy: boolean; onSend: () => void }) {
  // Every channel gets the same posts: show the first channel's, and say which channels.
  const shown = useMemo(() => posts.filter((p) => p.chatId === channels[0]), [posts, channels]);
  // The preview opens below the form: bring it into view, as the answer to the Preview button.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);
  return (
    <section ref={section} className="channel-preview" data-testid="channel-preview-list" aria-label={tAdmin('admin.channel.previewTitle')}>
      <h2 className="section-title">{tAdmin('admin.channel.previewTitle')}</h2>
      <p className="hint" dir="ltr">
        {tAdmin('admin.channel.channels', { channels: channels.join(', ') })}
      </p>
      {shown.map((post) => (
        <article key={post.slug} className="channel-preview__post" data-testid="channel-preview-post" data-method={post.method}>
          {post.params.photo ? (
            <img className="channel-preview__photo" src={post.params.photo} alt="" width={320} height={320} loading="lazy" />
          ) : (
            <p className="hint">{tAdmin('admin.channel.textOnly')}</p>
          )}
          <p className="channel-preview__text">{plainText(post.params.caption ?? post.params.text ?? '')}</p>
          {post.params.reply_markup?.inline_keyboard.flat().map((button) => (
            <a key={button.url} className="button channel-preview__button" href={button.url} target="_blank" rel="noreferrer">
              {button.text}
            </a>
          ))}
        </article>
      ))}
      <button type="button" className="button button--primary" data-testid="channel-send" disabled={busy} aria-busy={busy || undefined} onClick={onSend}>
        {tAdmin('admin.channel.send')}
      </button>
    </section>
  );
}

/** The Bot API HTML of a caption as the words a reader sees, line by line (Telegram renders the markup; this shows the text). */
function plainText(html: string): string {
  const parser = new DOMParser();
  return html
    .split('\n')
    .map((line) => parser.parseFromString(line, 'text/html').body.textContent ?? '')
    .join('\n');
}

function validSendAt(value: string): boolean {
  const at = new Date(value).getTime();
  return Number.isFinite(at) && at > Date.now() - 60_000 && at < Date.now() + MAX_DAYS_AHEAD * 86_400_000;
}

function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

function explain(caught: unknown): string {
  if (caught instanceof ApiError && caught.code === 'CHANNELS_NOT_CONFIGURED') return tAdmin('admin.channel.notConfigured');
  if (caught instanceof ApiError && caught.status < 500) return caught.message;
  return tAdmin('admin.error.saveFailed');
}
