import { useMemo } from 'react';
import { renderMarkdown } from '../utils/markdown.ts';

/** A text panel's Markdown, sanitised (see `renderMarkdown`). */
export function MarkdownText({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
