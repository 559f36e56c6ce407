import { Hono } from 'hono';
import { z } from 'zod';
import type { AnnouncementRepo } from '../../adapters/db/announcement-repo';
import {
  ANNOUNCEMENT_CAPTION_LIMIT,
  ANNOUNCEMENT_TEXT_LIMIT,
  renderAnnouncement,
  type AnnouncementContent,
  type Audience,
} from '../../core/marketing/announcement';
import { LOCALES, pickLocale, type Locale } from '../../core/notifications/locale';
import { messagesFor } from '../../core/notifications/messages/catalogs';
import { text } from '../../core/text/storable-text';
import { HttpError } from '../../http/http-error';
import { categoryId, idParam, uuidId } from '../../http/id-schema';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminEnv } from './admin-context';

const httpsPicture = text()
  .trim()
  .url()
  .refine((v) => /^https:\/\/[^\s]+\.(jpe?g|png)(\?[^\s]*)?$/i.test(v), 'must be an https address of a JPEG or PNG picture');
const contentBody = z
  .object({
    text: text().trim().min(1).max(ANNOUNCEMENT_TEXT_LIMIT),
    photoUrl: httpsPicture.nullable().default(null),
    button: z
      .object({
        text: text().trim().min(1).max(64),
        url: text()
          .trim()
          .refine((v) => /^(https:\/\/|tg:\/\/)\S+$/.test(v), 'must start with https:// or tg://'),
      })
      .nullable()
      .default(null),
    audience: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all') }),
      z.object({ kind: z.literal('language'), language: z.enum(LOCALES as unknown as [Locale, ...Locale[]]) }),
      z.object({ kind: z.literal('category'), categoryId }),
    ]),
  })
  .refine((b) => b.photoUrl === null || b.text.length <= ANNOUNCEMENT_CAPTION_LIMIT, {
    path: ['text'],
    message: `with a photo, the text is its caption: at most ${ANNOUNCEMENT_CAPTION_LIMIT} characters`,
  });
const sendBody = contentBody.and(z.object({ id: uuidId.optional() }));

/** What these routes read, for tests that generate requests from it (test/integration/fuzz). */
export const adminAnnouncementSchemas = { contentBody, sendBody };

const notFound = () => new HttpError('not_found', 'ANNOUNCEMENT_NOT_FOUND', 'No such announcement.');

/**
 * Announcements: a message the merchant sends to the customers who did not opt out (all of them, those of
 * one language, or the buyers of a category). A preview goes to the merchant's own chat first; sending
 * plans one outbox row per customer, delivered under the bot's global rate with an Unsubscribe button.
 */
export function adminAnnouncementRoutes(deps: { announcements: AnnouncementRepo; clock: () => Date; newId: () => string }) {
  const app = new Hono<AdminEnv>();
  const content = (body: z.output<typeof contentBody>): AnnouncementContent => ({ text: body.text, photoUrl: body.photoUrl, button: body.button });

  app.post('/preview', async (c) => {
    const body = await readJsonBody(c, contentBody);
    const admin = c.get('customer');
    const now = deps.clock();
    const recipients = await deps.announcements.countAudience(body.audience as Audience);
    // The merchant sees it as a customer of their language would, in their own chat; never skipped for consent.
    const { params } = renderAnnouncement(admin.telegramId!, content(body), messagesFor(pickLocale(admin.languageCode)));
    if (body.photoUrl === null && 'text' in params) {
      const { chat_id, ...fields } = params;
      await deps.announcements.enqueuePreview({ dedupeKey: `announcement-preview:${deps.newId()}`, kind: 'bot_reply', chatId: chat_id, payload: fields }, now);
    }
    return c.json({ recipients, previewSent: body.photoUrl === null });
  });

  app.post('/', async (c) => {
    const body = await readJsonBody(c, sendBody);
    const id = body.id ?? deps.newId();
    const { recipients } = await deps.announcements.create({
      id,
      content: content(body),
      audience: body.audience as Audience,
      createdBy: c.get('customer').telegramId,
      now: deps.clock(),
    });
    return c.json({ id, recipients }, 202);
  });

  app.get('/:id', async (c) => {
    const id = idParam(uuidId, c.req.param('id'), notFound());
    const counts = await deps.announcements.counts(id);
    if (!counts) throw notFound();
    return c.json({ id, ...counts });
  });
  return app;
}
