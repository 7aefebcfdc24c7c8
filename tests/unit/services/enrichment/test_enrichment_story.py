from parley.services.enrichment.extract import StoryIndex

BASE = (
    "Negotiators from the two neighbouring states will gather in a lakeside city next week to discuss "
    "water rights, border crossings and a long list of trade disputes that have soured relations for years, "
    "according to officials on both sides who spoke before the meeting was formally confirmed."
)


def test_near_duplicates_share_the_first_id() -> None:
    index = StoryIndex()
    assert index.assign("a", BASE) == "a"
    assert index.assign("b", BASE.replace("next week", "next Tuesday") + " Updated.") == "a"
    assert index.assign("c", "A completely different report about a football match and its goals.") == "c"
    assert index.assign("a", "anything") == "a"
    assert index.assign("empty", "") == "empty"


def test_the_index_is_bounded_and_forgets_the_oldest_stories() -> None:
    index = StoryIndex(capacity=3)
    texts = [
        f"story number {i} about completely different topic words {i * 7} {i * 13} here" for i in range(5)
    ]
    for i, text in enumerate(texts):
        index.assign(f"a{i}", text)
    assert len(index) == 3
    # The oldest article was forgotten: its near-duplicate now starts a story of its own.
    assert index.assign("copy-of-a0", texts[0]) == "copy-of-a0"
    # A recent one is still known.
    assert index.assign("copy-of-a4", texts[4]) == "a4"
