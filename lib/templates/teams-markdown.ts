// The markdown Teams honours in Adaptive Card text (**bold**, _italic_, "- " and "1. " lists,
// [links](url), backslash escapes) as HTML for the preview. Every character of the source is
// HTML-escaped before any markup is added, so no text can become a tag or attribute; links keep only
// http(s) and mailto targets. Pure, for the browser and for tests.

const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Inline markup of one line; escaped characters are set aside first so no rule can see them. */
function inline(line: string): string {
  const kept: string[] = [];
  const hold = (html: string) => `\u{F0000}${kept.push(html) - 1}\u{F0001}`;
  let text = line.replace(ESCAPABLE, (_, char: string) => hold(escapeHtml(char)));
  text = escapeHtml(text);
  text = text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) =>
    /^(https?:|mailto:)/i.test(href)
      ? hold(`<a href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>`)
      : whole,
  );
  text = text.replace(/\*\*(?=\S)(.+?)\*\*/g, "<strong>$1</strong>").replace(/__(?=\S)(.+?)__/g, "<strong>$1</strong>");
  text = text.replace(/(^|[^\p{L}\p{N}])_(?=\S)(.+?)_(?![\p{L}\p{N}])/gu, "$1<em>$2</em>");
  text = text.replace(/(^|[^*])\*(?=\S)([^*]+?)\*/g, "$1<em>$2</em>");
  // Held pieces may hold held pieces (an escaped character inside a link's label).
  for (let depth = 0; depth < 3 && text.includes("\u{F0000}"); depth++) {
    text = text.replace(/\u{F0000}(\d+)\u{F0001}/gu, (_, index: string) => kept[Number(index)] ?? "");
  }
  return text;
}

/** Teams markdown as safe HTML: paragraphs on blank lines, line breaks kept, lists as <ul>/<ol>. */
export function teamsMarkdownToHtml(markdown: string): string {
  const out: string[] = [];
  type List = { tag: "ul" | "ol"; items: string[] };
  let list = null as List | null;
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.join("<br>")}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((item) => `<li>${item}</li>`).join("")}</${list.tag}>`);
    list = null;
  };
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const bullet = /^\s*[-+*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flushParagraph();
      const tag = bullet ? "ul" : "ol";
      if (list?.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push(inline(item[1]));
    } else if (!line.trim()) {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(inline(line));
    }
  }
  flushParagraph();
  flushList();
  return out.join("");
}
