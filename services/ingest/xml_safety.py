"""Refuse feeds that declare entities, before any parser sees them.

feedparser expands the internal entities a document declares: its strict parser (expat) does,
and when that fails its loose fallback parser copies "simple" declarations and substitutes them
itself. So a feed that is malformed anywhere (a comment containing `--` before its DTD is
enough) used to slip past a parse-based check and have its entities expanded by the fallback:
100 KB of feed became 300 MB of summary.

The rule is therefore textual and independent of any parse outcome: an entity declaration
(`<!ENTITY`) or a DOCTYPE with an internal subset (`<!DOCTYPE x [`) anywhere refuses the feed.
It is checked on the raw bytes, on the bytes with NULs removed (UTF-16/32 spell ASCII with
NULs), and on exactly the UTF-8 text feedparser will parse: its own `convert_to_utf8`, given the
same headers, so a charset such as UTF-7 declared by the server or the document can't hide a
declaration. With no declaration in that text, feedparser has no entity to expand. A DOCTYPE
that only names an external DTD (RSS 0.91, HTML) is allowed: nothing fetches or reads it.
defusedxml then parses the document with entities and external references forbidden, as a
second, independent check; its parse errors alone are left to feedparser to report.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring
from feedparser.encodings import convert_to_utf8

# Whitespace and case are tolerated although XML allows neither: lenient parsers might.
_DECLARATION = re.compile(rb"<!\s*(?:ENTITY|DOCTYPE[^>\[]*\[)", re.IGNORECASE)


class UnsafeXml(Exception):
    """The document declares entities or a DTD subset; nothing was expanded."""


def feedparser_text(data: bytes, headers: dict[str, str]) -> bytes:
    """The UTF-8 bytes feedparser parses for `data` served with `headers` (its own conversion)."""
    scratch: dict[str, object] = {}
    converted: bytes = convert_to_utf8(dict(headers), data, scratch)
    return converted


def check_xml_safety(data: bytes, headers: dict[str, str]) -> None:
    """Raise UnsafeXml when `data` declares entities or a DTD subset, whether or not it parses."""
    for text in (data, data.replace(b"\x00", b""), feedparser_text(data, headers)):
        match = _DECLARATION.search(text)
        if match:
            found = match.group(0).decode("ascii", "replace")
            raise UnsafeXml(f"feed refused: it declares entities or a DTD subset ({found!r})")
    try:
        defused_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeXml(f"feed refused: {type(exc).__name__}") from None
    except (ParseError, ValueError, LookupError):
        pass  # malformed but declaring nothing (checked above): feedparser reports what it can
