import time

import pytest

from parley.services.search.desk import access as acc
from parley.services.search.desk.pages import safe_next
from parley.services.search.settings import DeskSection, SearchSection, SearchSettings
from parley.shared.errors import ConfigError

TOKEN = "0123456789abcdef-strong"


def make(token: str | None = TOKEN, seconds: int = 3600, key: bytes = b"k" * 32) -> acc.Access:
    return acc.Access(token, key, seconds)


def test_a_session_cookie_is_accepted_only_as_signed_and_not_after_it_expires() -> None:
    access = make()
    cookie = access.new_session()
    assert TOKEN not in cookie
    assert access.session_ok(cookie)
    # one signature character changed: not the last, whose low bits base64 drops (an "x" for a "w"
    # there would decode to the same signature)
    at = len(cookie) - 5
    assert not access.session_ok(cookie[:at] + ("A" if cookie[at] != "A" else "B") + cookie[at + 1 :])
    assert not access.session_ok(None)
    assert not make(key=b"other" * 8).session_ok(cookie)
    short = make(seconds=1)
    old = short.new_session()
    time.sleep(2.1)
    assert not short.session_ok(old)


def test_without_a_token_everyone_may_read() -> None:
    open_access = make(token=None)
    assert open_access.open and open_access.session_ok(None) and open_access.token_ok(None)
    assert not make().token_ok("wrong-token-wrong-token") and make().token_ok(TOKEN)


def test_csrf_needs_the_cookie_and_the_form_to_agree() -> None:
    token = acc.new_csrf_token()
    assert acc.csrf_ok(token, token)
    assert not acc.csrf_ok(token, token + "x")
    assert not acc.csrf_ok(None, token) and not acc.csrf_ok(token, "")
    assert not acc.csrf_ok(token, "é" * 10)  # non-ASCII: refused, not a TypeError


def test_origin_must_be_this_host_when_sent() -> None:
    hosts = {"127.0.0.1:8086", "desk.example"}
    assert acc.same_origin(None, hosts)
    assert acc.same_origin("https://desk.example", hosts)
    assert acc.same_origin("http://127.0.0.1:8086", hosts)
    assert not acc.same_origin("https://evil.example", hosts)
    assert not acc.same_origin("null", hosts)


def test_feed_keys_are_checked_against_the_recorded_hash() -> None:
    assert acc.split_feed_key("f0123.s3cr3t") == ("f0123", "s3cr3t")
    for bad in (None, "", "nodot", ".secret", "f0123.", "x" * 300):
        assert acc.split_feed_key(bad) is None
    stored = acc.secret_hash("s3cr3t")
    assert acc.feed_key_ok(stored, "s3cr3t") and not acc.feed_key_ok(stored, "s3cr3T")
    assert not acc.feed_key_ok(None, "s3cr3t")


@pytest.mark.parametrize(
    ("asked", "given"),
    [
        ("/desk/search?q=x", "/desk/search?q=x"),
        ("https://evil.example/", "/desk/"),
        ("//evil.example/desk/", "/desk/"),
        ("/desk/\\evil", "/desk/"),
        (None, "/desk/"),
        ("/metrics", "/desk/"),
    ],
)
def test_sign_in_only_returns_to_desk_pages(asked: str | None, given: str) -> None:
    assert safe_next(asked) == given


def test_the_session_key_comes_from_the_secret_or_else_from_the_token() -> None:
    with_token = SearchSettings(search=SearchSection(api_token=TOKEN))
    other_token = SearchSettings(search=SearchSection(api_token=TOKEN + "2"))
    assert with_token.session_key() != other_token.session_key()
    assert TOKEN.encode() not in with_token.session_key()
    chosen = SearchSettings(search=SearchSection(api_token=TOKEN), desk=DeskSection(session_secret="s" * 32))
    other_secret = SearchSettings(
        search=SearchSection(api_token=TOKEN), desk=DeskSection(session_secret="t" * 32)
    )
    rotated = SearchSettings(
        search=SearchSection(api_token=TOKEN + "2"), desk=DeskSection(session_secret="s" * 32)
    )
    keys = {with_token.session_key(), chosen.session_key(), other_secret.session_key(), rotated.session_key()}
    assert len(keys) == 4  # a new secret or a new token signs every browser out
    assert b"s" * 32 not in chosen.session_key()
    with pytest.raises(ConfigError, match="PARLEY_DESK_SESSION_SECRET"):
        SearchSettings(
            search=SearchSection(api_token=TOKEN), desk=DeskSection(session_secret="short")
        ).check_auth()
