"""HTML pages (.html/.htm): encoding, DOM walk, tables, page metadata, title.

The page is decoded (declared ``<meta charset>`` respected when the bytes agree), parsed with
selectolax/lexbor, stripped of scripts, navigation, footers and link lists, then walked in
document order: block elements become lines, ``<br>`` breaks lines, data tables become
:class:`Table` items (``colspan``/``rowspan`` expanded onto a grid: a row-spanning value is
repeated in every row it covers, a column-spanning one fills its first column and leaves the
others empty).  Layout tables (nested tables, one-row/one-column boxes, very long cells) are
walked like ordinary containers.  The shared pipeline then removes chrome lines and reads the
metadata lines.
"""
from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from zonekg.loaders.document import Paragraph, SourceDocument, Table, UnreadableDocument
from zonekg.loaders.limits import DEFAULT_LIMITS, DocumentLimits
from zonekg.loaders.readers.assemble import Item, build, clean_title
from zonekg.loaders.readers.cells import continued_cell
from zonekg.loaders.readers.chrome import is_issuing_body, parse_date
from zonekg.loaders.readers.encoding import NotText, decode_bytes, declared_html_charset
from zonekg.loaders.readers.text import read_bytes

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "nav", "aside", "footer",
              "select", "button", "input", "textarea", "svg", "object", "embed")
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|menu|breadcrumb|crumbs?|position|location|footer|foot|"
    r"copyright|share|bdshare|toolbar|sidebar|topbar|fontsize|font-size)(?:$|[\s_\-\d])",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "address article blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu ol p pre section summary ul "
    "caption tr td th tbody thead tfoot".split()
)
_WS = re.compile(r"[ \t\n\r\f]+")
_TITLE_ATTR = re.compile(r"title|biaoti|(?:^|[\s_\-])bt(?:$|[\s_\-])|tit(?:$|[\s_\-])",
                         re.IGNORECASE)
_SITE_SPLIT = re.compile(r"\s*(?:[-_|｜—–]{1,2}|\s::\s)\s*")


def _drop_chrome(root: LexborNode) -> None:
    for tag in _DROP_TAGS:
        for node in root.css(tag):
            node.decompose()
    total = len(root.text())
    for node in root.css("[class], [id]"):
        attrs = node.attributes
        label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if node.tag not in ("body", "html", "main", "article") and _CHROME_ATTR.search(label):
            # a wrapper holding most of the page is content, whatever its class says
            if len(node.text()) > max(500, total // 2):
                continue
            node.decompose()
    # Page-level <header> (site banner); an article's own <header> holds its title: kept.
    for node in root.css("header"):
        parent, inside = node.parent, False
        while parent is not None:
            if parent.tag in ("article", "main"):
                inside = True
                break
            parent = parent.parent
        if not inside:
            node.decompose()
    # Link lists (related articles, menus): list items that are nothing but a link.
    for li in root.css("li"):
        links = "".join(a.text() for a in li.css("a")).strip()
        if links and _WS.sub("", links) == _WS.sub("", li.text()):
            li.decompose()


def _cell_lines(cell: LexborNode) -> tuple[str, ...]:
    """The lines of a cell (its <p>, <br> …), blank ones dropped."""
    lines: list[str] = []
    _walk(cell, lines, tables=None)
    return tuple(line.strip(" \xa0\u3000") for line in lines if line.strip(" \xa0\u3000"))


def _joined(lines: tuple[str, ...], column: str) -> str:
    """A cell's lines as one text: a word processor breaks a cell into a <p> per line, so a name
    runs on ("X新能源装备" + "配套产业园"), and in a column of units each line is one more unit,
    in a column of dates one more step."""
    text = ""
    for line in lines:
        text = continued_cell(column, text, line, paragraph=True)
    return text


def _grid(table: LexborNode) -> list[list[str]]:
    """The rows of a table, spanned cells repeated down and left empty across; each cell's
    lines joined as the header of its column says."""
    grid: dict[tuple[int, int], tuple[str, ...]] = {}
    rows = table.css("tr")
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.iter():
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = _cell_lines(cell)
            try:
                rowspan = max(1, min(int(cell.attributes.get("rowspan") or 1), 200))
                colspan = max(1, min(int(cell.attributes.get("colspan") or 1), 50))
            except ValueError:
                rowspan = colspan = 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text if dc == 0 else ()
            c += colspan
        width = max(width, c)
    out: list[list[str]] = []
    for r in range(len(rows)):
        header = out[0] if out else [""] * width
        row = [_joined(grid.get((r, c), ()), header[c]) for c in range(width)]
        if any(row):
            out.append(row)
    return out


def _is_data_table(rows: list[list[str]]) -> bool:
    if len(rows) < 2 or max((len(r) for r in rows), default=0) < 2:
        return False
    longest = max(len(cell) for row in rows for cell in row)
    return longest <= 300


def _has_nested_table(table: LexborNode) -> bool:
    return bool(table.css("td table, th table"))


def _walk(node: LexborNode, lines: list, tables: list | None) -> None:
    """Append the text of ``node``'s children to ``lines``; a new line per block element."""
    if not lines:
        lines.append("")
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = _WS.sub(" ", child.text(deep=False) or "")
            if isinstance(lines[-1], str):
                lines[-1] += text
            else:
                lines.append(text)
        elif tag == "pre":
            lines.extend((child.text() or "").splitlines())
            lines.append("")
        elif tag == "br":
            lines.append("")
        elif tag == "-comment":
            continue
        elif tag == "table" and tables is not None and not _has_nested_table(child):
            rows = _grid(child)
            if _is_data_table(rows):
                lines.append(Table(rows=tuple(tuple(r) for r in rows)))
                lines.append("")
            else:
                lines.append("")
                _walk(child, lines, tables)
                lines.append("")
        elif tag in _BLOCK_TAGS or tag == "table":
            lines.append("")
            _walk(child, lines, tables)
            lines.append("")
        else:
            _walk(child, lines, tables)


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.css("meta[name]"):
        name = (meta.attributes.get("name") or "").lower()
        content = (meta.attributes.get("content") or "").strip()
        if content:
            found.setdefault(name, content)
    return found


def _title(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    page_title = ""
    node = tree.css_first("title")
    if node is not None:
        page_title = _WS.sub(" ", node.text()).strip()
    if meta.get("articletitle"):
        return meta["articletitle"]
    candidates: list[str] = []
    for sel in ("h1", "h2", "h3", "[class], [id]"):
        for el in tree.css(sel):
            if sel.startswith("["):
                attrs = el.attributes
                label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
                if not _TITLE_ATTR.search(label) or el.tag in ("body", "html", "title"):
                    continue
            text = _WS.sub(" ", el.text()).strip()
            if 4 <= len(text) <= 100:
                candidates.append(text)
    parts = [p for p in _SITE_SPLIT.split(page_title) if p]
    # "文章标题-XX市人民政府": the last part names the site; a heading equal to it is a logo.
    site = _WS.sub("", parts[-1]) if len(parts) > 1 else ""
    candidates = [t for t in candidates if not site or _WS.sub("", t) not in site]
    squashed_title = _WS.sub("", page_title)
    for text in candidates:  # a heading that the <title> repeats is the document title
        if _WS.sub("", text) in squashed_title:
            return text
    h1 = [_WS.sub(" ", h.text()).strip() for h in tree.css("h1")]
    h1 = [t for t in h1 if t in candidates]
    if h1:
        return h1[0]
    if parts:
        return max(parts, key=len) if len(parts) > 1 and len(parts[0]) < 4 else parts[0]
    return candidates[0] if candidates else None


def _drop_banner(doc: SourceDocument) -> None:
    """Short lines above the title paragraph are the site banner (site name, slogans)."""
    key = _WS.sub("", doc.title)
    for index, block in enumerate(doc.blocks[:6]):
        if isinstance(block, Table):
            return
        if _WS.sub("", block.text) == key:
            if all(isinstance(b, Paragraph) and len(b.text) <= 40 for b in doc.blocks[:index]):
                del doc.blocks[:index]
            return


# Both patterns stop at the end of the text or at the next tag, so no input makes them rescan.
_UNNESTED = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title)\b.*?(?:</\1\s*>|\Z)",
                       re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
_LEAVES = frozenset(
    # void elements, and those whose end tag may be left out (the parser closes them itself)
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rp rt html head body".split()
)


def nesting_depth(markup: str) -> int:
    """How deeply the page's elements nest, from its tags alone (linear in the text).

    Parsing deeply nested markup costs more than linear time (10,000 nested ``<div>`` take
    lexbor 0.45 s, 20,000 1.6 s) and walking it recurses, so the depth is checked on the raw
    text first. Elements that are closed implicitly are not counted, so sloppy real pages
    (``<p>`` without ``</p>``) do not look deep.
    """
    depth = deepest = 0
    for match in _TAG.finditer(_UNNESTED.sub("", markup)):
        closing, name, self_closing = match.groups()
        if name.lower() in _LEAVES or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def read_html(path: Path, limits: DocumentLimits = DEFAULT_LIMITS) -> SourceDocument:
    data = read_bytes(path)
    try:
        text, encoding, warnings = decode_bytes(data, declared_html_charset(data))
    except NotText as exc:
        raise UnreadableDocument(path, str(exc)) from exc
    if "<" not in text:
        raise UnreadableDocument(path, "not an HTML page: no markup found")
    limits.check_nesting(nesting_depth(text))
    tree = LexborHTMLParser(text)
    meta = _meta(tree)
    title = _title(tree, meta)
    metadata: dict[str, str] = {}
    date = parse_date(meta.get("pubdate", "") or meta.get("firstpublishedtime", ""))
    if date:
        metadata["date"] = date
    source = meta.get("contentsource")
    if source:
        metadata["source"] = source
        if is_issuing_body(source):
            metadata["publisher"] = source
    root = tree.body or tree.root
    if root is None:
        raise UnreadableDocument(path, "HTML page has no body")
    _drop_chrome(root)
    items: list = []
    _walk(root, items, tables=[])
    lines: list[Item] = [x for x in items if isinstance(x, Table) or x.strip(" \u3000\xa0")]
    doc = build(path, lines, encoding=encoding, metadata=metadata, title=title, join=False,
                warnings=warnings, limits=limits)
    _drop_banner(doc)
    if title is None:
        doc.title = clean_title(doc.title)
    return doc
