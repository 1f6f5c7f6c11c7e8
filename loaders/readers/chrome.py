"""Page chrome: the navigation, footer and counter lines web pages wrap around a document.

Three jobs, all on single lines of text:

* :func:`clean_line` removes inline export artefacts (``[bookmark: _GoBack]``) and normalises
  no-break spaces;
* :func:`parse_metadata` recognises a *metadata line* — one made only of ``label:value`` fields
  such as ``索引号:… 公开日期:… 阅读次数:…`` — and returns the fields we keep;
* :func:`is_chrome` recognises navigation, breadcrumbs, copyright/licence lines, view counters
  and "download to read more" teasers.

Readers drop chrome and metadata lines from the body and merge the metadata into
``SourceDocument.metadata`` with :func:`merge_metadata`.
"""
from __future__ import annotations

import re

_SEP = r"\s*[:：]\s*"

# label -> metadata key (None: a known label whose value we do not keep)
_LABELS: dict[str, str | None] = {
    "索引号": "index_number",
    "发文字号": "doc_number",
    "发文文号": "doc_number",
    "文号": "doc_number",
    "发布单位": "publisher",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "发文单位": "publisher",
    "发布部门": "publisher",
    "版权所有": "site_owner",  # the footer names the body that runs the site
    "主办单位": "site_owner",
    "信息来源": "source",
    "文章来源": "source",
    "来源": "source",
    "公开日期": "date",
    "发布日期": "date",
    "发布时间": "date",
    "成文日期": "date",
    "印发日期": "date",
    "更新时间": "date",
    "更新日期": "date",
    "日期": "date",
    "时间": "date",
    # known labels whose values are not kept
    "技术支持": None,
    "承办单位": None,
    "联系电话": None,
    "网站标识码": None,
    "内容分类": None,
    "主题分类": None,
    "体裁分类": None,
    "组配分类": None,
    "服务对象分类": None,
    "公开方式": None,
    "公开时限": None,
    "公开范围": None,
    "公开形式": None,
    "信息分类": None,
    "分类": None,
    "关键词": None,
    "关键字": None,
    "有效性": None,
    "作者": None,
    "编辑": None,
    "责任编辑": None,
    "审核": None,
    "阅读次数": None,
    "浏览次数": None,
    "累计次数": None,
    "点击数": None,
    "点击次数": None,
    "点击量": None,
    "浏览量": None,
    "阅读量": None,
    "访问量": None,
    "访问次数": None,
    "字体": None,
    "字号": None,
}

# Longest labels first so "发布时间" wins over "时间" and "信息来源" over "来源".
_LABEL_ALT = "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True))
_LABEL_RE = re.compile(rf"({_LABEL_ALT}){_SEP}")
# "source: https://…", "原文链接：http://…": the address a saved page came from (kept as "url")
_URL_LINE = re.compile(r"(?i)(?:source|url|原文链接|原文地址|网址|链接)\s*[:：]\s*(https?://\S+)$")
# Priority when several date fields appear: publication first, then issue, then update.
_DATE_PRIORITY = ["公开日期", "发布日期", "发布时间", "成文日期", "印发日期", "日期", "时间",
                  "更新时间", "更新日期"]
_PUBLISHER_PRIORITY = ["发布单位", "发布机构", "发文机关", "发文单位", "发布部门"]

_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})(?:\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?)?"
)

# An issuing body: names ending in an organisational suffix (管委会, 经发局, 人民政府 …).
_ISSUING_BODY = re.compile(
    r"(?:局|委|委员会|管委会|管理委员会|办公室|办|政府|人民政府|厅|部|处|科|中心|街道|"
    r"街道办事处|镇|乡|园区|开发区|高新区|集团|公司|学院|研究院|协会|商会|署|院)$"
)

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]", re.IGNORECASE)

# Each pattern with the words one of which any line it matches holds (case aside, as the
# patterns ignore it): a line holding none of them is no chrome, found with one cheap scan
# of plain words before the patterns' own (most lines are the document's text).
_CHROME_PATTERNS = [
    (r"返回.{0,20}(?:主站|首页)", ["返回"]),
    (r"设为首页", ["设为首页"]),
    (r"加入收藏", ["加入收藏"]),
    (r"收藏本(?:站|页)", ["收藏本"]),
    (r"打印本页", ["打印本页"]),
    (r"关闭(?:本页|窗口)", ["关闭"]),
    (r"[【\[]\s*(?:打印|关闭|收藏|返回顶部)\s*[】\]]", ["打印", "关闭", "收藏", "返回"]),
    (r"字[体号]\s*[:：]?\s*[\[【(（]?\s*(?:大\s*中\s*小|[\]】)）])", ["字体", "字号"]),
    (r"^(?:当前位置|您的位置|您现在的位置|你的位置|所在位置)\s*[:：]", ["位置"]),
    (r"(?:^|\s)(?:网站)?首页\s*(?:>|＞|>>|»|›|→|/)", ["首页"]),
    (r"^版权所有|版权所有\s*[:：©(（]|©\s*\d{4}|^copyright\b", ["版权所有", "©", "copyright"]),
    (r"ICP\s*备", ["ICP"]),
    (r"ICP\s*证", ["ICP"]),
    (r"公网安备", ["公网安备"]),
    (r"网站许可证", ["网站许可证"]),
    (r"网站标识码", ["网站标识码"]),
    (r"技术支持\s*[:：]", ["技术支持"]),
    (r"(?:阅读次数|浏览次数|累计次数|点击数|点击次数|点击量|浏览量|阅读量|访问量|访问次数)\s*[:：]",
     ["次数", "点击", "浏览量", "阅读量", "访问量"]),
    (r"此处隐藏\s*\d*\s*字", ["此处隐藏"]),
    (r"下载后查看", ["下载后查看"]),
    (r"^(?:上一篇|下一篇|[上下]一条\s*[:：]|相关链接|相关文章|分享到|扫一扫在手机打开)",
     ["上一篇", "下一篇", "一条", "相关链接", "相关文章", "分享到", "扫一扫在手机打开"]),
    (r"^\s*(?:【|\[)?\s*(?:打印|关闭)\s*(?:】|\])?\s*$", ["打印", "关闭"]),
]
_CHROME_RE = re.compile("|".join(f"(?:{p})" for p, _ in _CHROME_PATTERNS), re.IGNORECASE)
_CHROME_WORDS = re.compile("|".join(sorted({re.escape(w) for _, words in _CHROME_PATTERNS for w in words})),
                           re.IGNORECASE)

_NAV_WORDS = {
    "首页", "网站首页", "设为首页", "加入收藏", "联系我们", "网站地图", "返回顶部", "无障碍",
    "打印", "关闭", "收藏", "English", "繁体", "简体", "繁體", "登录", "注册",
}

_SPACES = re.compile(r"[\xa0\u2002\u2003\u2009\u200b\ufeff]")


def clean_line(line: str) -> str:
    """Remove inline export artefacts and turn exotic spaces into plain ones (U+3000 kept)."""
    line = _BOOKMARK.sub("", line)
    line = _SPACES.sub(lambda m: "" if m.group() in "\u200b\ufeff" else " ", line)
    return line.rstrip()


def is_chrome(line: str) -> bool:
    """True when ``line`` is navigation, breadcrumb, copyright, counter or teaser chrome."""
    text = line.strip(" \t\u3000")
    if not text:
        return False
    if _CHROME_WORDS.search(text) and _CHROME_RE.search(text):
        # Long body sentences may mention 版权所有 etc.; chrome lines are short.
        return len(text) <= 100 or bool(re.search(r"此处隐藏|ICP\s*备|公网安备", text))
    if "|" in text or "｜" in text:
        cells = [c.strip() for c in re.split(r"[|｜]", text) if c.strip()]
        if cells and any(c.rstrip(">》»") in _NAV_WORDS or c.endswith(">>") for c in cells):
            return True
    return False


def parse_date(value: str) -> str | None:
    """ISO form of the first date in ``value``: ``yyyy-mm-dd``, or ``yyyy-mm`` without a day."""
    match = _DATE_RE.search(value)
    if not match:
        return None
    year, month, day = int(match["y"]), int(match["m"]), match["d"]
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year:04d}-{month:02d}-{int(day):02d}"


def is_issuing_body(name: str) -> bool:
    """Does ``name`` look like an organisation that issues documents (not a website)?"""
    name = name.strip()
    return 2 <= len(name) <= 30 and bool(_ISSUING_BODY.search(name)) and "网" not in name[-2:]


def _fields(line: str) -> list[tuple[str, str]] | None:
    """Split a line made only of ``label:value`` fields; None if it is anything else."""
    text = line.strip(" \t\u3000")
    if not text or len(text) > 200:
        return None
    matches = list(_LABEL_RE.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    fields = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end():end].strip(" \t\u3000|｜")
        fields.append((match.group(1), value))
    for _, value in fields:
        if len(value) > 60 or re.search(r"[。；！？]", value):
            return None
    return fields


def parse_metadata(line: str) -> dict[str, str] | None:
    """The kept metadata of a metadata line, or None when the line is not one.

    A metadata line starts with a known label and consists only of ``label:value`` fields with
    short values; a date label must carry a real date (``完成时间:年底前`` is body text).
    """
    url = _URL_LINE.match(line.strip(" \t\u3000"))
    if url:
        return {"url": url.group(1)}
    fields = _fields(line)
    if fields is None:
        return None
    for label, value in fields:
        if _LABELS[label] == "date" and value and parse_date(value) is None:
            return None
    found: dict[str, str] = {}
    by_label = {label: value for label, value in reversed(fields)}  # first occurrence wins
    for label in _DATE_PRIORITY:
        if by_label.get(label):
            date = parse_date(by_label[label])
            if date:
                found["date"] = date
                break
    for label in _PUBLISHER_PRIORITY:
        if by_label.get(label):
            found["publisher"] = by_label[label]
            break
    for label, value in fields:
        key = _LABELS[label]
        if not value or key in (None, "date", "publisher"):
            continue
        if key == "source":
            value = value.split()[0] if value.split() else value
        found.setdefault(key, value)
    if "publisher" not in found and "source" in found and is_issuing_body(found["source"]):
        found["publisher"] = found["source"]
    return found


def merge_metadata(into: dict[str, str], new: dict[str, str]) -> None:
    """Add fields not yet known; a real publisher overrides one inferred from 来源."""
    for key, value in new.items():
        into.setdefault(key, value)
