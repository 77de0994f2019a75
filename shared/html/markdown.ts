import MarkdownIt from 'markdown-it';
import { Html } from './page';

/**
 * Agreement text is CommonMark rendered to safe HTML: raw HTML is shown as text, not markup;
 * images are left out (pages load nothing but themselves); links open without passing the page
 * to the site they lead to; markdown-it refuses `javascript:` and other script-capable URLs.
 */
const createRenderer = () => {
  const markdown = new MarkdownIt('commonmark', { html: false, linkify: false }).disable('image');

  // The page has its own title: the document's headings sit one level below it (# becomes <h2>).
  markdown.core.ruler.push('demote_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
    }
  });

  const renderLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
    tokens[index]!.attrSet('rel', 'noopener noreferrer');
    return renderLinkOpen(tokens, index, options, env, self);
  };
  return markdown;
};

// Made on first use: most invocations of the functions that carry it show no agreement text.
let markdown: MarkdownIt | undefined;

/** The text as a document block, its direction isolated from the page around it. */
export const renderMarkdown = (text: string): Html => new Html(`<div class="document" dir="auto">${(markdown ??= createRenderer()).render(text)}</div>`);
