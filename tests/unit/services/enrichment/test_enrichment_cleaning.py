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


def test_an_outlets_stamp_line_and_a_breadcrumb_are_removed() -> None:
    text = (
        "Home / World / Politics\n"
        "Wire Service | Updated: 2031-03-12 18:02\n"
        "Radio Example | Wednesday, March 12, 2031 | 12:30 pm\n"
        "AGENCY | 12/03/2031\n"
        "Lakeport - Wednesday 12 March 2031 - 20:15\n"
        "LAKEPORT, March 12 -- The two sides will meet at 10:30 on Friday, the ministry said.\n"
        "Talks | The sides meet in 2031\n"
        "LAKEPORT — The two delegations will meet Saturday at 10:30 a.m.\n"
        "Lakeport | The delegations will meet in Harbourtown on Monday at 10:00\n"
        "Round 2 | Harbourtown | Monday 14 April, 10:00"
    )
    assert clean_article(text).text.splitlines() == [
        "LAKEPORT, March 12 -- The two sides will meet at 10:30 on Friday, the ministry said.",
        "Talks | The sides meet in 2031",
        "LAKEPORT — The two delegations will meet Saturday at 10:30 a.m.",
        "Lakeport | The delegations will meet in Harbourtown on Monday at 10:00",
        "Round 2 | Harbourtown | Monday 14 April, 10:00",
    ]


def test_every_run_of_spaces_is_one_plain_space_and_a_lone_one_stays() -> None:
    text = "Talks  resume\u00a0in\tLakeport \u2009 on Monday.\nA B\u3000C"
    assert clean_article(text).text == "Talks resume in Lakeport on Monday.\nA B C"


def test_a_line_repeating_the_headline_is_dropped_whatever_its_spaces_and_punctuation() -> None:
    text = "Talks -- resume  in Lakeport!\nThe two sides meet on Monday."
    assert clean_article(text, title="Talks resume in Lakeport").text == "The two sides meet on Monday."
