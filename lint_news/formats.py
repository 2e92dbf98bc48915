"""Which part of a file is prose. Plain text is all prose; Markdown and HTML get a *prose
view*: the same text, character for character, with everything that is not prose replaced
by spaces (line breaks kept), so every offset still points into the original file.

* Markdown (CommonMark, via markdown-it-py): front matter, fenced and indented code, HTML
  blocks and inline tags, code spans, link and image targets, reference definitions and
  autolinks are blanked; the words of links, headings, lists and quotes stay.
* HTML (the standard library's tokenizer: nothing is fetched, nesting depth costs nothing):
  the article's text. If the page marks its article (``<article>``, ``<main>``, an element
  with ``itemprop="articleBody"``), only that is prose; otherwise the ``<body>`` without the
  page's furniture (``nav``, ``header``, ``footer``, ``aside``, ``form``, scripts, styles).
  A block element's tag becomes a line break in the view, so that paragraphs stay apart;
  entities are shown as the character they stand for, padded with spaces.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLANK_RE = re.compile(r"[^\r\n]")


def blank(s: str) -> str:
    return _BLANK_RE.sub(" ", s)


def prose_view(text: str, fmt: str) -> str:
    if fmt == "md":
        return markdown_view(text)
    if fmt == "html":
        return html_view(text)
    return text


# ---- Markdown -----------------------------------------------------------------------------------
_FRONT_MATTER_RE = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(\r?\n|\Z)", re.S)
_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_LINK_TARGET_RE = re.compile(r"(?<=\])\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?\)")
_REF_DEF_RE = re.compile(r"^( {0,3}\[[^\]\n]+\]:)(.*)$", re.M)
_AUTOLINK_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_INLINE_HTML_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_BARE_URL_RE = re.compile(r"\bhttps?://[^\s<>()]+")


def markdown_view(text: str) -> str:
    from markdown_it import MarkdownIt

    chars = list(text)

    def blank_span(start: int, end: int) -> None:
        for k in range(start, end):
            if chars[k] not in "\r\n":
                chars[k] = " "

    m = _FRONT_MATTER_RE.match(text)
    if m:
        blank_span(0, m.end())
    line_starts = [0] + [mm.end() for mm in re.finditer(r"\r\n|\r|\n", text)]

    def line_span(first: int, last: int) -> tuple[int, int]:
        start = line_starts[first] if first < len(line_starts) else len(text)
        end = line_starts[last] if last < len(line_starts) else len(text)
        return start, end

    body = blank("".join(chars[:m.end()])) + text[m.end():] if m else text
    md = MarkdownIt("commonmark")
    for tok in md.parse(body):
        if tok.type in ("fence", "code_block", "html_block") and tok.map:
            blank_span(*line_span(*tok.map))
    current = "".join(chars)
    for regex in (_CODE_SPAN_RE, _AUTOLINK_RE, _INLINE_HTML_RE, _LINK_TARGET_RE, _BARE_URL_RE):
        for mm in regex.finditer(current):
            blank_span(mm.start(), mm.end())
        current = "".join(chars)
    for mm in _REF_DEF_RE.finditer(current):
        blank_span(mm.start(), mm.end())
    return "".join(chars)


# ---- HTML ---------------------------------------------------------------------------------------
_BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article "
                        "header footer nav aside blockquote pre figure figcaption main hr dd dt "
                        "dl form title body html head".split())
_SKIP_TAGS = frozenset("script style noscript template svg head iframe object button select "
                       "textarea".split())
_FURNITURE_TAGS = frozenset("nav header footer aside form".split())
_ARTICLE_HINT_RE = re.compile(r"articlebody|article-body|story-body|entry-content|post-content", re.I)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _ProseCollector(HTMLParser):
    """Marks which character ranges of the source are visible text, and in which regions
    (article, furniture, skipped)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
        self.stack: list[tuple[str, bool, bool, bool]] = []  # tag, skip, furniture, article
        self.texts: list[tuple[int, int, str, bool, bool]] = []  # start, end, shown, article, furniture
        self.breaks: list[int] = []  # offsets of block tags (shown as line breaks)
        self.has_article = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _state(self) -> tuple[bool, bool, bool]:
        if not self.stack:
            return False, False, False
        _, skip, furniture, article = self.stack[-1]
        return skip, furniture, article

    def handle_starttag(self, tag, attrs):
        skip, furniture, article = self._state()
        attrs_d = {k: (v or "") for k, v in attrs}
        hint = " ".join((attrs_d.get("itemprop", ""), attrs_d.get("class", ""), attrs_d.get("id", "")))
        is_article = tag in ("article", "main") or bool(_ARTICLE_HINT_RE.search(hint))
        if is_article:
            self.has_article = True
        if tag in _BLOCK_TAGS:
            self.breaks.append(self._offset())
        if tag not in _VOID:
            self.stack.append((tag, skip or tag in _SKIP_TAGS, furniture or tag in _FURNITURE_TAGS,
                               article or is_article))

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.breaks.append(self._offset())

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.breaks.append(self._offset())
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def _text(self, start: int, raw: str, shown: str) -> None:
        skip, furniture, article = self._state()
        if not skip:
            self.texts.append((start, start + len(raw), shown, article, furniture))

    def handle_data(self, data):
        self._text(self._offset(), data, data)

    def handle_entityref(self, name):
        raw = f"&{name};"
        self._text(self._offset(), raw, html.unescape(raw))

    def handle_charref(self, name):
        raw = f"&#{name};"
        self._text(self._offset(), raw, html.unescape(raw))


def html_view(source: str) -> str:
    parser = _ProseCollector(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # malformed markup: lint what was read so far
        pass
    chars = list(blank(source))
    use_article = parser.has_article
    for start, end, shown, article, furniture in parser.texts:
        if (use_article and not article) or (not use_article and furniture) or end > len(chars):
            continue
        if len(shown) <= end - start:  # data as it is; an entity as its character, padded
            chars[start:start + len(shown)] = list(shown)
    for b in parser.breaks:
        if 0 <= b < len(chars) and chars[b] == " ":
            chars[b] = "\n"
    return "".join(chars)
