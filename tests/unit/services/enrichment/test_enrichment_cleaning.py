from parley.services.enrichment.cleaning import MAX_CLEAN_CHARS, clean_article, html_to_text


def test_link_bait_bylines_and_credits_are_removed() -> None:
    raw = (
        "Ministers will meet in Vienna on Monday.\n"
        "ALSO READ: Something else entirely happened elsewhere\n"
        "NOW READ: Another unrelated story\n"
        "Read more\n"
        "Share this article\n"
        "Subscribe to our newsletter for daily updates\n"
        "By Jane Example\n"
        "Photo: Example Agency\n"
        "The talks are expected to last two days."
    )
    text = clean_article(raw).text
    assert text == "Ministers will meet in Vienna on Monday.\nThe talks are expected to last two days."


def test_repeated_headline_and_whitespace() -> None:
    raw = "Envoys to meet\n\n  Envoys   to meet \n\nEnvoys\tfrom two states\u00a0will meet.\n\n\n"
    assert clean_article(raw, title="Envoys to meet").text == "Envoys from two states will meet."


def test_html_drops_scripts_and_keeps_blocks() -> None:
    html = "<html><head><title>x</title></head><body><script>var a = 'talks';</script>"
    html += "<p>First &amp; foremost.</p><p>Second<br>line</p><style>p{}</style></body></html>"
    assert html_to_text(html).split() == ["First", "&", "foremost.", "Second", "line"]
    assert clean_article(html, html=True).text == "First & foremost.\nSecond\nline"


def test_control_characters_and_empty() -> None:
    assert clean_article("a\x00b\x07c\u200b d").text == "a b c d"
    assert clean_article("").text == ""


def test_huge_input_is_bounded() -> None:
    result = clean_article("word " * 400_000)
    assert len(result.text) <= MAX_CLEAN_CHARS
    assert result.notes
