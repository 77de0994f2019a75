import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { PdfFlow, TRun, TStyle } from './pdf-layout';

/**
 * The agreement's CommonMark as the web pages read it (shared/html/markdown.ts): raw HTML is
 * text, and markdown-it refuses script-capable link targets, which then stay text too.
 */
let markdown: MarkdownIt | undefined;

/** Heading sizes by Markdown level; the executed copy's own section headings are larger. */
const HEADING_SIZES = [13.5, 12, 11, 10.5, 10.5, 10.5] as const;
const LIST_INDENT = 20;
const QUOTE_INDENT = 14;
const BULLETS = ['•', '◦', '▪'] as const;

/**
 * A paragraph's inline tokens as styled runs. On paper a link cannot be followed, so its
 * address follows its text; an image is its description and address.
 */
const inlineRuns = (children: Token[], options: { bold?: boolean } = {}): TRun[] => {
  const runs: TRun[] = [];
  let bold = options.bold ? 1 : 0;
  let italic = 0;
  const links: { href: string; from: number }[] = [];
  const style = (): TStyle => (bold > 0 ? 'bold' : italic > 0 ? 'italic' : 'regular');
  for (const token of children) {
    switch (token.type) {
      case 'text':
        runs.push({ text: token.content, style: style() });
        break;
      case 'code_inline':
        runs.push({ text: token.content, style: 'mono' });
        break;
      case 'softbreak':
        runs.push({ text: ' ', style: style() });
        break;
      case 'hardbreak':
        runs.push({ text: '\n' });
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italic += 1;
        break;
      case 'em_close':
        italic -= 1;
        break;
      case 'link_open':
        links.push({ href: token.attrGet('href') ?? '', from: runs.length });
        break;
      case 'link_close': {
        const link = links.pop();
        if (!link) break;
        const text = runs
          .slice(link.from)
          .map((run) => run.text)
          .join('');
        // An autolink (<https://…>, <name@example.org>) already shows its address.
        if (text !== link.href && `mailto:${text}` !== link.href) runs.push({ text: ` (${link.href})`, style: style() });
        break;
      }
      case 'image':
        runs.push({ text: `${token.content || 'Image'} (${token.attrGet('src') ?? ''})`, style: style() });
        break;
      default:
        if (token.content) runs.push({ text: token.content, style: style() });
    }
  }
  return runs;
};

/**
 * Sets CommonMark text into the flow: headings, paragraphs, bulleted and numbered lists (nested),
 * block quotes, code (monospaced, spacing kept) and thematic breaks.
 */
export const renderMarkdownInto = (flow: PdfFlow, text: string): void => {
  // Made on first use: a documents invocation that only checks an upload never lays out text.
  const tokens = (markdown ??= new MarkdownIt('commonmark', { html: false, linkify: false })).parse(text, {});
  const lists: { ordered: boolean }[] = [];
  let quotes = 0;
  let marker: string | undefined;
  const indent = () => lists.length * LIST_INDENT + quotes * QUOTE_INDENT;
  // A list item's marker goes on the first line of its first block.
  const takeMarker = () => {
    const taken = marker;
    marker = undefined;
    return taken;
  };

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    switch (token.type) {
      case 'heading_open': {
        const level = Number(token.tag.slice(1));
        flow.heading(inlineRuns(tokens[index + 1]?.children ?? [], { bold: true }), { size: HEADING_SIZES[level - 1] ?? HEADING_SIZES[5] });
        index += 2;
        break;
      }
      case 'paragraph_open':
        // A tight list's paragraphs are hidden: its items sit closer together.
        // A quotation is set in grey, so it reads as someone else's words.
        flow.paragraph(inlineRuns(tokens[index + 1]?.children ?? []), {
          indent: indent(),
          marker: takeMarker(),
          gapAfter: token.hidden ? 2 : 6,
          color: quotes > 0 ? 'muted' : 'ink',
        });
        index += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open' });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) flow.gap(4);
        break;
      case 'list_item_open':
        marker = lists.at(-1)?.ordered ? `${token.info}${token.markup}` : BULLETS[(lists.length - 1) % BULLETS.length];
        break;
      case 'list_item_close': {
        // An empty item still shows its marker.
        const unused = takeMarker();
        if (unused !== undefined) flow.paragraph([], { indent: indent(), marker: unused, gapAfter: 2 });
        break;
      }
      case 'blockquote_open':
        quotes += 1;
        break;
      case 'blockquote_close':
        quotes -= 1;
        break;
      case 'code_block':
      case 'fence':
        flow.paragraph([{ text: token.content.replace(/\n$/, ''), style: 'mono' }], { size: 9, indent: indent() + 8, marker: takeMarker(), preserveSpaces: true, gapAfter: 8 });
        break;
      case 'hr':
        flow.rule();
        break;
      default:
        // html_block and inline tokens outside a block do not arise with html off; nothing else carries text.
        break;
    }
  }
};
