"""Article text cleaning: HTML to text, boilerplate removal, whitespace normalisation.

Bounded work: at most MAX_INPUT_CHARS of the raw input are read and the clean text is cut at
MAX_CLEAN_CHARS (on a paragraph boundary when possible). News articles are far shorter; the caps
only keep a pathological input (a 1 MB page, a binary blob) from stalling the pipeline.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from .skip_ahead import compile_skipping

MAX_INPUT_CHARS = 400_000
MAX_CLEAN_CHARS = 60_000

_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "button"}
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "figure",
        "figcaption",
        "aside",
        "nav",
        "pre",
        "hr",
        "dd",
        "dt",
        "main",
        "form",
    }
)

# (plain: a pattern opening on a class is scanned by the engine's own fast loop; a look-ahead would
# make it try every position)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff]"
)
_SPACE = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
# a run of spaces, but not a lone plain space (the one between any two words): replacing that with
# itself changed nothing and cost a match per word
_SPACES = re.compile(rf"{_SPACE}(?:(?<! )|(?={_SPACE})){_SPACE}*")
_BOILERPLATE = compile_skipping(
    r"""^(?:
        (?:also|now|must|further)\s+read\b.*
      | read\s+(?:more|also|next|the\s+full\s+story)\b.{0,120}
      | (?:see\s+also|related(?:\s+(?:articles?|stories|news|coverage))?|recommended|trending|more\s+from|
           don'?t\s+miss|watch|listen|click\s+here|continue\s+reading|story\s+continues)\s*[:|>»-].*
      | (?:sign\s+up|subscribe|follow\s+us|join\s+(?:us|our))\b.{0,150}
      | share\s+(?:this|on|via|the)\b.{0,100}
      | (?:share|tweet|email|print|copy\s+link|facebook|twitter|whatsapp|linkedin|telegram|x)
           (?:\s*[|,/·•]?\s*(?:share|tweet|email|print|copy\s+link|facebook|twitter|whatsapp|linkedin|telegram|x))*
      | advertisement|advert|sponsored(?:\s+content)?
      | (?:by|written\s+by|reporting\s+by|editing\s+by|additional\s+reporting\s+by|compiled\s+by)\s+
           [A-Z][^.!?]{0,70}
      | (?:photo|image|picture|photograph|file\s+photo|credit|source)s?\s*(?:by|:|credit:?)\s*.{0,150}
      | .{0,120}\((?:photo|image|picture)s?\s*(?:by|:|credit)[^)]*\)
      | .{0,80}\b(?:getty\s+images|via\s+reuters|afp\s+photo|ap\s+photo|shutterstock)\b.{0,60}
      | (?:published|updated|last\s+updated|posted)\s*(?:on|:)?\s*\d.{0,60}
      | (?:copyright|©).{0,150}|all\s+rights\s+reserved.{0,60}
      # an outlet's stamp line: "Xinhua | Updated: 2024-11-20 18:02", "ANGOP | 04/10/2024",
      # "Cairo - Thursday 1 February 2024 - 20:15": a source, then only dates and times
      | [^.!?|]{1,40}(?:\|\s*(?:(?:updated|published|posted)\s*:?\s*)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)?
          [,\s]*(?:\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|[a-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]+\s+\d{4}|\d{1,2}:\d\d)
          (?:\s+\d{1,2}:\d\d(?::\d\d)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc)[+-]?\d*)?\s*)+
      | [^.!?|]{1,30}\s[-–—]\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+
          (?:\d{1,2}\s+[a-z]+|[a-z]+\s+\d{1,2},?)\s+\d{4}\s*[-–—,]\s*\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?
      # a breadcrumb: "Home / World / Politics"
      | (?:[\w'’&]+(?:\s[\w'’&]+)?\s/\s){1,5}[\w'’&]+(?:\s[\w'’&]+)?
      | (?:associated\s+press|reuters|agence\s+france-presse|afp|ap)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class CleanText:
    text: str
    notes: tuple[str, ...] = ()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment or page, one block element per line (scripts dropped)."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was parsed
        pass
    return "".join(parser.parts)


# a run of non-word characters, but not a lone space (as _SPACES)
_NOT_WORD = re.compile(r"[\W_](?:(?<! )|(?=[\W_]))[\W_]*")


# ... for ASCII text: each character that is no letter or digit a space (the words joined by one)
_ASCII_NOT_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def _fold(line: str) -> str:
    folded = line.casefold()
    if folded.isascii():  # (the common case, without the pattern: the same words, one space apart)
        return " ".join(folded.translate(_ASCII_NOT_WORD).split())
    return _NOT_WORD.sub(" ", folded).strip()


def clean_article(text: str, *, title: str = "", html: bool = False) -> CleanText:
    """Clean text: one paragraph per line, boilerplate and repeated headline lines removed."""
    notes: list[str] = []
    if len(text) > MAX_INPUT_CHARS:
        text = text[:MAX_INPUT_CHARS]
        notes.append(f"input truncated to {MAX_INPUT_CHARS} characters")
    if html:
        text = html_to_text(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub(" ", text)
    title_key = _fold(title)
    lines: list[str] = []
    seen_previous = ""
    for raw in _SPACES.sub(" ", text).split("\n"):  # (one pass: the spaces class holds no newline)
        line = raw.strip()
        if not line:
            continue
        key = _fold(line)
        if not key or key == seen_previous or (title_key and key == title_key):
            continue
        if len(line) < 400 and _BOILERPLATE.match(line):
            continue
        lines.append(line)
        seen_previous = key
    clean = "\n".join(lines)
    if len(clean) > MAX_CLEAN_CHARS:
        cut = clean.rfind("\n", 0, MAX_CLEAN_CHARS)
        clean = clean[: cut if cut > MAX_CLEAN_CHARS // 2 else MAX_CLEAN_CHARS]
        notes.append(f"clean text truncated to {len(clean)} characters")
    return CleanText(clean, tuple(notes))
