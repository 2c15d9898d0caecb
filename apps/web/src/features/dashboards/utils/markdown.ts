import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * Markdown to HTML that is safe to insert: marked renders it (raw HTML included, as Markdown
 * allows), then DOMPurify removes scripts, event handlers, `javascript:` links and anything else
 * that could run. Links open in a new tab without handing it this window.
 */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true });
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
  return clean.replaceAll('<a href=', '<a target="_blank" rel="noopener noreferrer" href=');
}
