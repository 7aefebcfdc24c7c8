"""Canonical URLs: one form per page, so the same article always gets the same id."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from url_normalize import url_normalize

# Query parameters that track the click rather than name the page.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "_hs")
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mkt_tok",
        "_ga",
        "ref_src",
        "ref_url",
        "cmpid",
        "ocid",
        "s_cid",
        "icid",
        "spm",
        "ito",
        "fb_action_ids",
        "fb_action_types",
        "fb_source",
        "twclid",
        "ttclid",
        "li_fat_id",
        "rb_clickid",
        "__twitter_impression",
        "__tn__",
    }
)


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


@lru_cache(maxsize=8192)
def canonical_url(url: str) -> str:
    """Normalise scheme/host case, default ports and escapes; drop tracking parameters and fragment.

    ValueError when `url` can't name a page: a malformed host, or none (`http://@/a` normalises to
    `http:///a`, which a second pass read differently, so the same page could get two ids)."""
    normalised = url_normalize(url.strip()) or url.strip()
    parts = urlsplit(normalised)
    if not parts.hostname:
        raise ValueError("no host")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    query.sort()
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))


# Query parameters whose value may be a credential: any name containing one of these words.
_SECRET_NAME = re.compile(r"key|token|sig|secret|pass|pwd|auth|session|credential", re.I)
# A parameter: separator, name, `=`, value. The name can't hold a separator, so every match is
# found in one pass without backtracking (a name-first pattern took 20 s on 10 KB of `;a;a…`).
_PARAM = re.compile(r"([?&;])([^=&;?#\s'\"<>]*)=([^&;#\s'\"<>]*)")
# Userinfo runs to the last `@` before the path, as URL parsers read it: a password holding a
# raw `@` is masked whole.
_USERINFO = re.compile(r"(?<=://)[^/?#\s'\"<>]+@")


def _mask_param(match: re.Match[str]) -> str:
    if _SECRET_NAME.search(match.group(2)):
        return f"{match.group(1)}{match.group(2)}=***"
    return match.group(0)


def redact_urls(text: str) -> str:
    """`text` with every URL's credentials masked: userinfo and the values of parameters such as
    `api_key`, `token`, `key`, `sig`. Works on a bare URL or on a message quoting URLs, so every
    log line and stored error about a fetch can pass through it. Linear in the length of `text`."""
    return _PARAM.sub(_mask_param, _USERINFO.sub("***@", text))
