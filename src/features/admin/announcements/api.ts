// The announcements screen's calls to the admin API (docs/api.md, "Announcements"): the only place their URLs are written.
import { useResource } from '../../../platform/use-resource';
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';

export type Audience = { kind: 'all' } | { kind: 'language'; language: string } | { kind: 'category'; categoryId: string };

export interface AnnouncementInput {
  text: string;
  photoUrl: string | null;
  button: { text: string; url: string } | null;
  audience: Audience;
}

export interface AnnouncementStatus {
  id: string;
  recipients: number;
  messages: { pending: number; sent: number; failed: number; blocked: number; skipped: number };
}

export const previewAnnouncement = (api: AdminApi, input: AnnouncementInput) =>
  api.send<{ recipients: number; previewSent: boolean }>('POST', '/api/admin/announcements/preview', input);

export const sendAnnouncement = (api: AdminApi, input: AnnouncementInput & { id: string }) =>
  api.send<{ id: string; recipients: number }>('POST', '/api/admin/announcements', input);

export const announcementStatus = (api: AdminApi, id: string) => api.get<AnnouncementStatus>(`/api/admin/announcements/${encodeURIComponent(id)}`);

/** The shop's categories, for "buyers of a category". */
export function useAudienceCategories() {
  const api = useAdminApi();
  return useResource<{ id: string; title: string }[]>(
    adminKeys.categories,
    async () => (await api.get<{ categories: { id: string; title: string }[] }>('/api/admin/categories')).categories,
    { staleMs: 60_000 },
  );
}
