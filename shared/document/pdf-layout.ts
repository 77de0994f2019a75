import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

/** The faces text is set in: hashes and code are monospaced, so their characters line up and none is mistaken for another. */
export type TStyle = 'regular' | 'bold' | 'italic' | 'mono';

/** A stretch of text in one face; `\n` in it breaks the line. */
export type TRun = { text: string; style?: TStyle };

/** A table column: its share of the text width, and its heading when the table has a heading row. */
export type TColumn = { width: number; header?: string };

/**
 * DejaVu covers Latin (Welsh ŵ and ŷ among it), Greek, Cyrillic, punctuation such as curly quotes
 * and dashes, and many symbols. There is no bold oblique: bold italic text is set bold.
 */
const FONT_FILES: Record<TStyle, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/**
 * The font files, read once per process: a warm function renders each later copy without
 * reading them again. They are read from the `dejavu-fonts-ttf` package beside the code, so a
 * bundled function must ship that package with it.
 */
let fontBytes: Promise<Record<TStyle, Uint8Array>> | undefined;
const loadFontBytes = (): Promise<Record<TStyle, Uint8Array>> => {
  const resolve = createRequire(import.meta.url).resolve;
  const read = (style: TStyle) => readFile(resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[style]}`));
  fontBytes ??= Promise.all([read('regular'), read('bold'), read('italic'), read('mono')]).then(([regular, bold, italic, mono]) => ({ regular, bold, italic, mono }));
  return fontBytes;
};

/** A4 portrait, in points. */
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 56.7;
const TOP = PAGE_HEIGHT - 56.7;
/** Text stops here; the footer sits below it. */
const BOTTOM = 62;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const LINE_SPACING = 1.4;
const BODY_SIZE = 10;
const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 3;

const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.4, 0.4, 0.4);
const RULE = rgb(0.78, 0.78, 0.78);
const HEADER_FILL = rgb(0.93, 0.93, 0.93);

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Controls other than the line break (tabs are spaces by then) have no glyph and no meaning on paper. */
const CONTROLS = /[^\P{Cc}\n]/gu;
/** Variation selectors, joiners, direction marks: they change how a character looks or joins, and are dropped where the font has none. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

type TFragment = { text: string; style: TStyle; width: number };
type TLine = TFragment[];
/** Characters that stay together on a line: a word, perhaps in more than one face ("**Part** 2's"). */
type TWord = { text: string; style: TStyle }[];
type TToken = { kind: 'word'; parts: TWord } | { kind: 'space'; style: TStyle } | { kind: 'break' };

/**
 * Text flowed onto A4 pages: paragraphs, headings and tables wrap to the page width (a word
 * longer than a line, such as a hash or a user agent, is broken where it reaches the edge) and
 * continue on a new page at the bottom margin. Each page gets its footer once the page count is
 * known.
 */
export class PdfFlow {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = TOP;
  private readonly widths = new Map<string, number>();
  private readonly charsets: Record<TStyle, Set<number>>;

  private constructor(
    private readonly document: PDFDocument,
    private readonly fonts: Record<TStyle, PDFFont>,
  ) {
    this.charsets = {
      regular: new Set(fonts.regular.getCharacterSet()),
      bold: new Set(fonts.bold.getCharacterSet()),
      italic: new Set(fonts.italic.getCharacterSet()),
      mono: new Set(fonts.mono.getCharacterSet()),
    };
    this.newPage();
  }

  /** A flow onto `document`, with the fonts embedded as subsets (only the glyphs used go in the file). */
  static async create(document: PDFDocument): Promise<PdfFlow> {
    document.registerFontkit(fontkit);
    const bytes = await loadFontBytes();
    // Ligatures off: a reader copying or searching the text gets the letters typed, not "ﬁ".
    const embed = (style: TStyle) => document.embedFont(bytes[style], { subset: true, features: { liga: false } });
    const [regular, bold, italic, mono] = await Promise.all([embed('regular'), embed('bold'), embed('italic'), embed('mono')]);
    return new PdfFlow(document, { regular, bold, italic, mono });
  }

  /** Starts a new page; the next block begins at its top. */
  newPage(): void {
    this.page = this.document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = TOP;
  }

  /** Vertical space, none at the top of a page. */
  gap(points: number): void {
    if (this.y < TOP) this.y -= points;
  }

  /** A heading, moved to the next page if it would otherwise end one with no text after it. */
  heading(runs: TRun[], options: { size: number }): void {
    // Room for the heading and the first three lines of body text under it.
    const followingText = 3 * BODY_SIZE * LINE_SPACING;
    const lines = this.wrap(runs.map((run) => ({ ...run, style: run.style ?? 'bold' })), options.size, TEXT_WIDTH);
    const lineHeight = options.size * 1.3;
    this.gap(options.size * 0.9);
    this.ensure(lines.length * lineHeight + followingText);
    for (const line of lines) this.drawLine(line, MARGIN_X, lineHeight, options.size, INK);
    this.y -= options.size * 0.35;
  }

  /**
   * A paragraph. `indent` moves it in from the margin (lists, quotes); `marker` (a bullet or a
   * number) hangs in the indent on its first line; `preserveSpaces` keeps runs of spaces, for code.
   */
  paragraph(runs: TRun[], options: { size?: number; indent?: number; marker?: string; gapAfter?: number; preserveSpaces?: boolean; color?: 'ink' | 'muted' } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    const lineHeight = size * LINE_SPACING;
    const color = options.color === 'muted' ? MUTED : INK;
    const lines = this.wrap(runs, size, TEXT_WIDTH - indent, options.preserveSpaces);
    lines.forEach((line, index) => {
      this.ensure(lineHeight);
      if (index === 0 && options.marker !== undefined) {
        const marker = this.fragment(options.marker, 'regular', size);
        this.drawFragments([marker], MARGIN_X + indent - marker.width - 5, this.baseline(lineHeight, size), size, color);
      }
      this.drawLine(line, MARGIN_X + indent, lineHeight, size, color);
    });
    this.y -= options.gapAfter ?? size * 0.6;
  }

  /** A thin line across the text width. */
  rule(): void {
    this.gap(6);
    this.ensure(12);
    this.page.drawLine({ start: { x: MARGIN_X, y: this.y }, end: { x: MARGIN_X + TEXT_WIDTH, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 12;
  }

  /**
   * A table. Rows are kept whole on a page where they fit one; a row taller than a page is
   * split across pages. With headers, the heading row is repeated at the top of each page.
   */
  table(columns: TColumn[], rows: TRun[][][], options: { size?: number } = {}): void {
    const size = options.size ?? 8.5;
    const lineHeight = size * LINE_SPACING;
    const widths = columns.map((column) => column.width * TEXT_WIDTH);
    const layout = (cells: TRun[][]) => cells.map((runs, index) => this.wrap(runs, size, widths[index]! - 2 * CELL_PADDING_X));
    const header = columns.some((column) => column.header !== undefined) ? layout(columns.map((column) => [{ text: column.header ?? '', style: 'bold' }])) : undefined;
    const lineCount = (cells: TLine[][]) => Math.max(...cells.map((lines) => lines.length));
    const rowHeight = (cells: TLine[][]) => lineCount(cells) * lineHeight + 2 * CELL_PADDING_Y;

    const drawRow = (cells: TLine[][], from: number, to: number, fill: boolean) => {
      const height = (to - from) * lineHeight + 2 * CELL_PADDING_Y;
      if (fill) this.page.drawRectangle({ x: MARGIN_X, y: this.y - height, width: TEXT_WIDTH, height, color: HEADER_FILL });
      const top = this.y;
      let x = MARGIN_X;
      cells.forEach((lines, index) => {
        this.y = top - CELL_PADDING_Y;
        for (const line of lines.slice(from, to)) this.drawLine(line, x + CELL_PADDING_X, lineHeight, size, INK);
        x += widths[index]!;
      });
      this.y = top - height;
      this.page.drawLine({ start: { x: MARGIN_X, y: this.y }, end: { x: MARGIN_X + TEXT_WIDTH, y: this.y }, thickness: 0.5, color: RULE });
    };
    const startPage = () => {
      this.newPage();
      if (header) drawRow(header, 0, lineCount(header), true);
    };

    if (header) {
      this.ensure(rowHeight(header) + lineHeight + 2 * CELL_PADDING_Y);
      drawRow(header, 0, lineCount(header), true);
    }
    const pageRoom = TOP - BOTTOM - (header ? rowHeight(header) : 0);
    for (const row of rows) {
      const cells = layout(row);
      const lines = lineCount(cells);
      if (rowHeight(cells) > this.y - BOTTOM && rowHeight(cells) <= pageRoom) startPage();
      let from = 0;
      while (from < lines) {
        const fit = Math.floor((this.y - BOTTOM - 2 * CELL_PADDING_Y) / lineHeight);
        if (fit < 1) {
          startPage();
          continue;
        }
        const to = Math.min(lines, from + fit);
        drawRow(cells, from, to, false);
        from = to;
      }
    }
    this.y -= 8;
  }

  /** Writes each page's footer, now that the number of pages is known. */
  footers(footer: (pageNumber: number, pageCount: number) => { left: string; right: string }): void {
    const size = 8;
    this.pages.forEach((page, index) => {
      const { left, right } = footer(index + 1, this.pages.length);
      const leftLine = this.wrap([{ text: left }], size, TEXT_WIDTH * 0.7)[0]!;
      const rightLine = this.wrap([{ text: right }], size, TEXT_WIDTH * 0.3)[0]!;
      const rightWidth = rightLine.reduce((sum, fragment) => sum + fragment.width, 0);
      page.drawLine({ start: { x: MARGIN_X, y: BOTTOM - 16 }, end: { x: MARGIN_X + TEXT_WIDTH, y: BOTTOM - 16 }, thickness: 0.5, color: RULE });
      this.drawFragments(leftLine, MARGIN_X, BOTTOM - 28, size, MUTED, page);
      this.drawFragments(rightLine, MARGIN_X + TEXT_WIDTH - rightWidth, BOTTOM - 28, size, MUTED, page);
    });
  }

  /**
   * Text the fonts can set: characters a font lacks (an emoji, say) become '?', one for each
   * character as a reader sees it, however many code points make it up.
   */
  private clean(text: string, style: TStyle): string {
    const charset = this.charsets[style];
    const plain = text.normalize('NFC').replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, '    ').replace(CONTROLS, '');
    let cleaned = '';
    for (const { segment } of GRAPHEMES.segment(plain)) {
      if (segment === '\n') {
        cleaned += segment;
        continue;
      }
      const characters = [...segment].filter((character) => charset.has(character.codePointAt(0)!) || !IGNORABLE.test(character));
      cleaned += characters.every((character) => charset.has(character.codePointAt(0)!)) ? characters.join('') : '?';
    }
    return cleaned;
  }

  private width(text: string, style: TStyle, size: number): number {
    const key = `${style}\u0000${size}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.fonts[style].widthOfTextAtSize(text, size);
      this.widths.set(key, width);
    }
    return width;
  }

  private fragment(text: string, style: TStyle, size: number): TFragment {
    const cleaned = this.clean(text, style);
    return { text: cleaned, style, width: this.width(cleaned, style, size) };
  }

  private tokens(runs: TRun[], preserveSpaces: boolean): TToken[] {
    const tokens: TToken[] = [];
    let word: TWord | undefined;
    for (const run of runs) {
      const style = run.style ?? 'regular';
      for (const piece of this.clean(run.text, style).split(/(\n| +)/)) {
        if (piece === '') continue;
        if (piece === '\n') {
          tokens.push({ kind: 'break' });
          word = undefined;
        } else if (piece.startsWith(' ') && !preserveSpaces) {
          tokens.push({ kind: 'space', style });
          word = undefined;
        } else if (word) {
          word.push({ text: piece, style });
        } else {
          word = [{ text: piece, style }];
          tokens.push({ kind: 'word', parts: word });
        }
      }
    }
    return tokens;
  }

  /** Breaks runs into lines no wider than `maxWidth`, between words where it can and inside a word that is longer than a line. */
  private wrap(runs: TRun[], size: number, maxWidth: number, preserveSpaces = false): TLine[] {
    const lines: TLine[] = [];
    let line: TFragment[] = [];
    let lineWidth = 0;
    let space: TFragment | undefined;
    const endLine = () => {
      lines.push(line);
      line = [];
      lineWidth = 0;
      space = undefined;
    };
    const place = (fragments: TFragment[]) => {
      if (space && line.length > 0) {
        line.push(space);
        lineWidth += space.width;
      }
      space = undefined;
      for (const fragment of fragments) {
        line.push(fragment);
        lineWidth += fragment.width;
      }
    };
    for (const token of this.tokens(runs, preserveSpaces)) {
      if (token.kind === 'break') {
        endLine();
        continue;
      }
      if (token.kind === 'space') {
        space = { text: ' ', style: token.style, width: this.width(' ', token.style, size) };
        continue;
      }
      const fragments = token.parts.map((part) => ({ ...part, width: this.width(part.text, part.style, size) }));
      const wordWidth = fragments.reduce((sum, fragment) => sum + fragment.width, 0);
      const spaceWidth = space && line.length > 0 ? space.width : 0;
      if (lineWidth + spaceWidth + wordWidth <= maxWidth) {
        place(fragments);
      } else if (wordWidth <= maxWidth) {
        endLine();
        place(fragments);
      } else {
        if (line.length > 0) endLine();
        // Character by character, each line as full as it will go.
        for (const part of token.parts) {
          for (const { segment } of GRAPHEMES.segment(part.text)) {
            const fragment = { text: segment, style: part.style, width: this.width(segment, part.style, size) };
            if (line.length > 0 && lineWidth + fragment.width > maxWidth) endLine();
            place([fragment]);
          }
        }
      }
    }
    if (line.length > 0 || lines.length === 0) lines.push(line);
    return lines.map(merge);
  }

  private ensure(height: number): void {
    if (this.y - height < BOTTOM && this.y < TOP) this.newPage();
  }

  /** Where text sits in a line box of `lineHeight` whose top is the cursor: centred, DejaVu's ascender and descender taken into account. */
  private baseline(lineHeight: number, size: number): number {
    return this.y - lineHeight / 2 - size * 0.26;
  }

  private drawLine(line: TLine, x: number, lineHeight: number, size: number, color: ReturnType<typeof rgb>): void {
    this.drawFragments(line, x, this.baseline(lineHeight, size), size, color);
    this.y -= lineHeight;
  }

  private drawFragments(fragments: TFragment[], x: number, y: number, size: number, color: ReturnType<typeof rgb>, page = this.page): void {
    let left = x;
    for (const fragment of fragments) {
      if (fragment.text.trim() !== '') page.drawText(fragment.text, { x: left, y, size, font: this.fonts[fragment.style], color });
      left += fragment.width;
    }
  }
}

/** Neighbouring fragments in one face drawn as one piece of text: fewer text objects, and words a reader's search finds whole. */
const merge = (line: TLine): TLine =>
  line.reduce<TLine>((merged, fragment) => {
    const last = merged.at(-1);
    if (last && last.style === fragment.style) merged[merged.length - 1] = { ...last, text: last.text + fragment.text, width: last.width + fragment.width };
    else merged.push(fragment);
    return merged;
  }, []);
