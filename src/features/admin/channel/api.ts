// The channel posts screen's calls to the admin API (docs/api.md, "Channel posts"): the only place their URLs are written.
import { useResource } from '../../../platform/use-resource';
import { useAdminApi, type AdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import type { ProductsAndCategories } from '../common/admin-types';

/** The shop's products, to pick what to post (the products screen's own cache entry). */
export function useChannelProducts() {
  const api = useAdminApi();
  return useResource<ProductsAndCategories>(adminKeys.products, () => api.get('/api/admin/products'), { staleMs: 10_000 });
}

export interface ChannelPostRequest {
  products: string[];
  locale: string;
}

/** One Bot API call the post will make, as the server will make it. */
export interface PreviewedPost {
  chatId: string;
  slug: string;
  method: 'sendPhoto' | 'sendMessage';
  params: { photo?: string; caption?: string; text?: string; reply_markup?: { inline_keyboard: { text: string; url?: string }[][] } };
}

export interface ChannelPostCounts {
  pending: number;
  sent: number;
  failed: number;
  blocked: number;
}

export const previewChannelPost = (api: AdminApi, request: ChannelPostRequest) =>
  api.send<{ channels: string[]; posts: PreviewedPost[] }>('POST', '/api/admin/channel-posts/preview', request);

export const sendChannelPost = (api: AdminApi, request: ChannelPostRequest & { postId: string; sendAt?: string }) =>
  api.send<{ postId: string; planned: { chatId: string; slug: string; sendAt: string }[] }>('POST', '/api/admin/channel-posts', request);

export const channelPostStatus = async (api: AdminApi, postId: string) =>
  (await api.get<{ messages: ChannelPostCounts }>(`/api/admin/channel-posts/${encodeURIComponent(postId)}`)).messages;
