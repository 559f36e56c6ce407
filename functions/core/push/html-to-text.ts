/**
 * The bot's Bot API HTML (core.telegram.org/bots/api#html-style: a few tags, and `&lt; &gt; &amp; &quot;`
 * escapes) as the plain text a notification shows.
 */
export function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name as 'lt']);
}
