"""Precompiled word patterns that tell what a sentence says about talks.

Kept apart from the record assembly in talks_extraction.py so the vocabulary can be read and
extended on its own. All patterns are compiled once at import, each with a look-ahead for
the characters a match can start with (skip_ahead.py), so scanning an article stays fast.
"""

from __future__ import annotations

import re

from .skip_ahead import (
    UNFOLDED,
    compile_skipping,
    gated,
    holds_required,
    lead_words,
    required_words,
    search_at_words,
)

_I = re.IGNORECASE

# a commission of two or more states (not a parliament's finance committee or an electoral commission)
_JOINT_BODY = (
    r"(?:joint|bilateral|trilateral|binational|bi-national|trinational|tripartite|border|boundary|military|mixed|"
    r"intergovernmental|5\+5)\s+(?:[\w+-]+\s+){0,2}?"
    r"(?:commission|committee)"
)
# "when the government and OLA negotiators reconvene in X on the 28th, the first item will be ...": a
# meeting ahead, told in the clause that dates it (the main clause in the future)
# "we go back to X next Wednesday": a delegate's present tense for the next round
_GO_BACK_TO = r"\bback(?<=\bgo\sback)\s+to\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:next|on|this)\s+(?:\w+day|week)\b"
_WHEN_THEY_MEET = (
    r"\b[Ww]hen\s+(?:the\s+)?(?:[\w'’-]+\s+){1,6}?(?:meet|reconvene|convene|sit\s+down|gather)\s+(?:again\s+)?(?:in|at)\s+"
    r"(?-i:[A-Z])[^.;]{0,60}?\b(?:on|next|this)\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)?|(?-i:[A-Z])\w*|\w+day|week|month)\b"
    r"(?=[^.;]{0,250}\b(?:will|is\s+to|are\s+to)\b)"
    # "... returns to the table on Monday, when the two delegations reconvene at the UN post in X"
    r"|\bwhen(?:(?<=day,\swhen)|(?<=day\swhen))\s+(?:[\w'’-]+\s+){1,6}?(?:meet|reconvene|convene|sit\s+down|gather)\b"
    # "the issue will be on the agenda when the prime minister travels to X for the annual consultation"
    r"|\bwill\s+[^.;]{0,80}?\bwhen\s+(?:[\w'’.-]+\s+){1,6}?(?:travels|flies|goes|heads)\s+to\s+(?-i:[A-Z])[^.;]{0,40}?\bfor\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:talks|consultations?|summit|meeting)\b"
)
# The ways of naming talks or a meeting at all, each with the words (lower case) a match of it
# holds: names_talks tries a form only on text holding one of its words, which spares most of
# the scan on the many articles and sentences that name none. A word form is matched whole.
_TRIGGER_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("talk",), r"talks?"),
    (("negotiat",), r"negotiations?|negotiating\s+table"),
    (("meet",), r"meet(?:s|ing|ings)?"),
    (("met",), r"met"),
    (("summit",), r"summit(?:s|ry)?"),
    (("consultation",), r"consultations"),
    # "travels to Jakarta for the annual consultation with the Indonesian president"
    (("consultation",), r"(?:annual|bilateral|leaders['’]?|political)\s+consultation"),
    # "invited the ministers of A and B to X next week to discuss ...": an invitation to talks
    (("invit",), r"invit(?:ed|es|ing)\b(?=[^.;]{0,200}?\bto\s+(?:discuss|negotiate|hold\s+talks)\b)"),
    # "the envoy has invited both delegations to Muscat on Sunday"
    (
        ("invit",),
        r"(?<!\bhad\s)invit(?:ed|es)\s+(?:both|the\s+two)\s+(?:delegations|sides|parties|leaders)\s+to\s+(?=(?-i:[A-Z]))",
    ),
    # "Kenya has invited the parties back to Nairobi on August 12 to finalise a security protocol"
    (
        ("invit",),
        r"(?<!\bhad\s)invit(?:ed|es)\s+(?:the\s+|both\s+)?(?:parties|sides|delegations)\s+back\s+to\s+(?=(?-i:[A-Z]))",
    ),
    # "UNSMIL has invited delegations of the House and the Council to the Palais des Nations on Monday"
    (
        ("invit",),
        r"(?<!\bhad\s)invit(?:ed|es)\s+(?:the\s+)?delegations\s+(?:of|from)\b(?=[^.;]{0,120}?\bto\s+(?:the\s+)?(?-i:[A-Z]))",
    ),
    # "have accepted the envoy's invitation to discuss the currency split"
    (("invit",), r"invitation\b(?=\s+to\s+(?:discuss|negotiate|hold\s+talks)\b)"),
    # "agreed at the end of their session in X, held from ..., to reconvene in Y"
    (("agreed",), r"agreed\b(?=[^;]{0,120}?\bto\s+reconvene\b)"),
    # "the two sides will reconvene in Geneva on March 24", "agreeing ... to reconvene in Bangkok"
    # (not a standing body: "the Security Council will reconvene on Monday", "the league's ministers ...")
    (
        ("reconven",),
        r"(?<!council\s)(?<!league\s)(?<!assembly\s)(?<!parliament\s)(?<!court\s)(?<!ministers\s)(?<!union\s)"
        r"(?:will|would|shall|to)\s+reconvene\b(?=\s+(?:in|at|on|next|this|later|tomorrow)\b)",
    ),
    # "X will send a delegation to Y to negotiate the border": a delegation sent to negotiate
    (("delegation",), r"delegations?\b(?=[^.;]{0,60}\bto\s+negotiate\b)"),
    # "the warring generals said they would send negotiators back to the Saudi city"
    (("send",), r"send(?:s|ing)?\s+(?:\w+\s+){0,2}?(?:negotiators|delegations?|envoys)\s+(?:back\s+)?to\b"),
    # "the minister will travel to Washington on Thursday to negotiate with US officials"
    (
        ("travel", "fly", "flies", "head"),
        r"(?:travel|fly|flies|head)\w*\s+to\b(?=[^.;]{0,50}?\bto\s+(?:negotiate|hold\s+talks)\b)",
    ),
    # "officials will sit down in X next week" (not "sit down with reporters", "for an interview")
    (
        ("down",),
        r"(?:sit|sat|sitting)\s+down\s+(?:again\s+)?(?:together|in|at|with|on\s+\w+day|next|this|tomorrow)\b"
        r"(?!\s+(?:reporters|journalists|the\s+(?:media|press)|an?\s+interview))",
    ),
    # "the committee would hold its annual session in X": a joint body's sitting, worded any way
    (
        ("commi",),
        rf"{_JOINT_BODY}\s+(?:will|would|is\s+(?:to|due\s+to|set\s+to|expected\s+to))\s+(?:hold|meet|(?:re)?convene)\b",
    ),
    # "the Joint Political and Security Mechanism (JPSM) of A and B will convene on Monday"
    (
        ("commi", "mechanism"),
        r"(?-i:Joint|Bilateral|Border|Boundary)\s+(?:[\w-]+\s+){0,4}?(?-i:Mechanism|Commission|Committee)\s+(?:\([A-Z]{2,8}\)\s+)?"
        r"(?:of|between)\b(?=[^.;]{1,60}?\b(?:will|is\s+(?:to|due\s+to|set\s+to|expected\s+to))\s+(?:meet|convene|reconvene|hold|sit)\b)",
    ),
    # "the commissions set up by A and B will hold their next (joint) session in X": the two sides' bodies
    (
        ("commi", "delegation", "teams", "negotiat"),
        r"(?:commissions|committees|delegations|(?<!national\s)teams|negotiators)\b(?=[^.;]{0,100}?\b(?:will|would|are\s+(?:to|due\s+to|set\s+to|expected\s+to))\s+"
        r"hold\s+(?:their|the)\s+(?:next|first|second|third|fourth|fifth|new|\w+th)\s+(?:(?:joint|regular|plenary|formal)\s+)?"
        r"(?:session|sitting|meeting|round)\b)",
    ),
    (("dialogue",), r"dialogues?"),
    (("discussion",), r"(?<!panel\s)discussions"),  # (not a forum's "panel discussions")
    (("conference",), r"peace\s+conference"),
    (("round",), r"round\s+of"),
    # "we have agreed to hold the third round here in Ankara"
    (
        ("round",),
        r"(?:hold|host|convene)\s+(?:the|a|their)\s+(?:next|new|final|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+round\b",
    ),
    (("council",), r"cooperation\s+council"),
    # "the binational cabinet of A and B, due on Friday, was postponed to November 8": the two
    # governments' joint sitting
    (("binational", "bi-national"), r"bi-?national\s+cabinet"),
    (("conversation",), r"(?:peace|exploratory)\s+conversations|conversations?\s+table"),
    # "they are due back at the table on the 17th"
    (("table",), r"back\s+(?:at|to)\s+the\s+table\b"),
    # "the two Koreas will hold a working-level contact at Panmunjom"
    (
        ("contact",),
        r"(?:working-level|inter-Korean|high-level|face-to-face)\s+contacts?\b(?!\s+(?:group|details|person|list))",
    ),
    # "the two governments will resume their consultation on the region's future"
    (("consultation",), r"(?:resume|hold|continue)\s+(?:their|the|a)\s+consultation\b"),
    # "the A-B Joint Permanent Commission on Cooperation opens on Wednesday in X"
    (
        ("commi",),
        rf"{_JOINT_BODY}(?:\s+(?:on|for)\s+(?:[\w-]+\s+){{0,4}}?[\w-]+)?\s+(?:opens|convenes|meets|sits)\s+(?:on|in|next|this)\b",
    ),
    # "the session of the Joint Intergovernmental Commission ... is postponed": a joint body's sitting
    (("commi",), rf"sessions?\s+of\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+)?{_JOINT_BODY}"),
    # "will bring together Ethiopia's federal government and the TPLF" (not "filmmakers", "royal families")
    (
        ("bring",),
        r"bring(?:s|ing)?\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:ministers|leaders|presidents|delegations|negotiators)\s+of\s+"
        r"[^.;]{0,60}?\btogether\b",
    ),
    # "will bring Israeli and Lebanese delegations together at X"
    (
        ("bring",),
        r"bring(?:s|ing)?\s+(?:the\s+)?(?:[\w'’,-]+\s+){1,4}?(?:delegations|leaders|ministers|negotiators|sides|parties)\s+together\b",
    ),
    (
        ("bring",),
        r"bring(?:s|ing)?\s+together\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:government|authorities|delegations?|negotiators|sides|"
        r"parties|representatives|leaders|ministers|envoys|junta|presidents|heads\s+of\s+state)",
    ),
    (
        ("cycle",),
        r"(?:new|next|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+cycle\b",
    ),
    (
        ("round",),
        r"(?:next|new|first|second|third|fourth|fifth|latest|final|exploratory|technical|negotiating|direct|indirect|preparatory|"
        r"informal|another|formal|fresh|\d{1,3}(?:st|nd|rd|th))\s+round",
    ),
    (("ministerial",), r"ministerial"),
    (("mediation",), r"mediation"),
    # "The round, which had been scheduled for Sunday, will now take place in X on September 18"
    (
        ("round",),
        r"(?<=\bthe\s)round(?=\s*,\s+which\b|\s+(?:will|would|is\s+(?:to|due|set|expected|scheduled)|has\s+been)\b)",
    ),
    # "IGAD will convene delegations of A and B": a meeting convened by a go-between
    (
        ("conven",),
        r"(?:re)?conven(?:e|es|ed|ing)\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){0,2}?(?:delegations?|parties|sides|representatives|leaders|"
        rf"negotiators|envoys|ministers|{_JOINT_BODY})\b",
    ),
    # "Kenya will on Monday reconvene the South Sudan government and the holdout groups"
    (
        ("conven",),
        r"(?:re)?conven(?:e|es|ing)\s+the\s+(?:[\w-]+\s+){0,3}?(?:government|authorities|junta)\s+and\s+",
    ),
    # "A and B will convene the Joint Political and Security Mechanism in X on Saturday"
    (
        ("conven",),
        r"(?:re)?conven(?:e|es|ing)\s+the\s+(?-i:Joint|Bilateral|Border)\s+(?:[\w-]+\s+){0,4}?(?-i:Mechanism|Commission|Committee)",
    ),
    (
        ("commi",),
        rf"\b{_JOINT_BODY}\s+(?:will|is\s+(?:to|due\s+to|set\s+to|expected\s+to))\s+(?:re)?convene\b",
    ),
    # "a technical committee on water sharing between A and B will convene"
    # "the committee monitoring the ceasefire between A and B will convene early next week"
    (
        ("commi", "mechanism"),
        r"\b(?:commission|committee|mechanism)\s+(?:on|for|monitoring|overseeing|supervising)\s+[^.;]{1,60}?\bbetween\s+"
        r"[^.;]{1,60}?\b(?:will|is\s+(?:to|due\s+to|set\s+to|expected\s+to))\s+(?:(?:re)?convene|meet)\b",
    ),
    # "invitations were sent to A and B for a round table in X" (not a university's round table)
    (("invit",), r"invit\w*\s+[^.;]{0,200}?\bround[\s-]?tables?\b"),
    (("cop",), r"COP\s?\d{1, 2}"),
    # "the intergovernmental conference between the EU and X", "the biannual border conference between A and B"
    (
        ("conference",),
        r"(?:ministerial|climate|donors?|review|intergovernmental|accession|border)\s+conference",
    ),
)
# ... and the forms that need no whole word at their end
_TRIGGER_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    # "truce negotiators to gather in X this weekend"
    (
        ("negotiat", "delegation", "envoy"),
        r"\b(?:negotiators|delegations|envoys)\s+(?:(?:of|from|for)\s+[^.;]{1,60}?\s+)?(?:themselves\s+)?(?:to|will|would|are\s+(?:to|due\s+to|set\s+to))\s+(?:again\s+)?"
        r"(?:gather|meet|convene|reconvene|return|resume|sit\s+down)\b",
    ),
    # "a U.S. delegation will travel to Mexico City next Monday to review the agreement"
    # (not a trade, business or cultural delegation: the look-behinds only once "delegation" is read)
    (
        ("delegation",),
        r"\bdelegations?(?<!trade\sdelegation)(?<!trade\sdelegations)(?<!business\sdelegation)"
        r"(?<!business\sdelegations)(?<!investment\sdelegation)(?<!cultural\sdelegation)(?<!student\sdelegation)"
        r"\s+(?:(?:led|headed)\s+by\s+(?:[\w'’.-]+\s+){1,6}?)?(?:will|is\s+(?:to|due\s+to|set\s+to)|"
        r"are\s+(?:to|due\s+to|set\s+to))\s+(?:travel|fly)\s+to\b",
    ),
    # "the Saudi side will receive a Yemeni government delegation in Riyadh on Thursday"
    (
        ("delegation",),
        r"\b(?:receive|host)\s+(?:an?\s+|the\s+|its\s+)?(?:(?:[\w'’-]+\s+){0,2}?(?:government|official|ministerial|"
        r"high-level|negotiating|military|peace)\s+|(?-i:[A-Z])[\w'’-]*\s+)delegations?\b(?!\s+of\s+(?-i:[a-z]))",
    ),
    # "the EU's envoy will receive the Serbian and Kosovar chief negotiators in Brussels on Tuesday"
    (
        ("negotiat",),
        r"\b(?:receive|host)\s+the\s+(?:(?-i:[A-Z])[\w'’-]*\s+(?:and\s+)?){1,3}(?:chief\s+)?negotiators\b",
    ),
    # "the supervisory committee ... is due to convene in X on Sunday"
    (("conven",), r"\b(?:is|are)\s+(?:due|set|scheduled|expected)\s+to\s+(?:re)?convene\b"),
    # "the co-chairs said the round would take place in X": the round of the story's talks
    (("round",), r"\bthe\s+round\s+(?:would|will|is\s+(?:due|set|scheduled|expected))\b"),
    # "will host the leaders of A and B": a meeting convened by a host
    (
        ("host",),
        r"\bhost(?:s|ed|ing)?\s+(?:the\s+)?(?:leaders|presidents|heads\s+of\s+state|(?:prime|foreign)\s+ministers)\s+of\b"
        # (not "will host the leaders of eight member states": a bloc's summit)
        r"(?!\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?(?:member|observer|participating)\s+(?:states|countries|nations)\b)",
    ),
)
_TRIGGER_FORMS = tuple((words, rf"\b(?:{form})\b") for words, form in _TRIGGER_WORDS) + _TRIGGER_PHRASES
# One pattern of every form, in order, for where a mention starts and what it says
TRIGGER = compile_skipping("|".join(form for _, form in _TRIGGER_FORMS), _I)


class _Form:
    """One way of naming talks, for telling whether text names talks at all: tried only on text
    holding one of its `words` and the strings every match of it reads (`required`)."""

    __slots__ = ("leads", "pattern", "required", "words")

    def __init__(self, words: tuple[str, ...], form: str) -> None:
        self.words = words
        self.pattern = compile_skipping(form, _I)
        self.required = required_words(form, _I)
        self.leads = lead_words(form, _I)  # what every match starts with, if known

    def search(self, text: str, low: str, start: int, end: int, ascii: bool) -> bool:
        """Whether text[start:end] (lower-cased: `low`) holds a match: in ASCII text looked for only
        where one of its leading words stands (most forms open on a few words; the scan of every
        position costs far more)."""
        if ascii and self.leads is not None:
            return search_at_words(self.pattern, self.leads, text, low, start, end)
        return self.pattern.search(text, start, end) is not None


_FORMS = tuple(_Form(words, form) for words, form in _TRIGGER_FORMS)
# ... by word, as indexes into _FORMS (a form of several words is listed under each, tried once)
_TRIGGER_BY_WORD: tuple[tuple[str, tuple[int, ...]], ...] = tuple(
    (word, tuple(i for i, f in enumerate(_FORMS) if word in f.words))
    for word in dict.fromkeys(word for f in _FORMS for word in f.words)
)
# "On Wednesday, the government said it had been postponed to early April", "the round would now be held
# in Muscat on Sunday": a move of the meeting a sentence before names (ANAPHORIC_MOVE)
_ANAPHORIC_MOVE = (
    # ("it" only as what a source says was moved: "the government said it had been postponed")
    r"(?:(?:\b(?:said|says|announced|confirmed|added)\s+(?:that\s+)?|\baccording\s+to\s+[^,.;]{1,60},\s+)it|"
    r"\bthe\s+(?:meeting|round|session|cycle|talks|summit|negotiations|"
    r"consultations))\s+"
    r"(?:(?:(?:had|has|have)\s+been|was|were|is|are)\s+(?:postponed|moved|pushed\s+back|delayed|rescheduled|put\s+off)\s+"
    # ("it is postponed and will be held in the coming days")
    r"(?:to|until|till|and\s+(?:will|would)\s+(?:now\s+)?(?:be\s+held|take\s+place|resume))\b|(?:would|will)\s+now\s+be\s+held\b|(?:would|will)\s+be\s+held\s+[^.;]{0,60}?\binstead\b)"
)
ANAPHORIC_MOVE = compile_skipping(_ANAPHORIC_MOVE, _I)
# Rarer ways of naming a meeting, each tried only on text holding its word (names_talks)
# "A's minister and his B counterpart are due to lead their delegations at a session of the border committee"
LEAD_DELEGATIONS_AT = compile_skipping(
    r"\b(?:will|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to)\s+lead\s+(?:their|the|its|his|her|two)\s+"
    r"(?:[\w-]+\s+)?delegations?\s+(?:at|to)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:session|meeting|round|talks|summit)\b",
    _I,
)
TRIGGER_RARE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("postponed", "pushed back", "moved", "delayed", "rescheduled", "put off", "now be held", "instead"),
        ANAPHORIC_MOVE,
    ),
    (("when", "When"), compile_skipping(_WHEN_THEY_MEET, _I)),
    (("back to",), compile_skipping(_GO_BACK_TO, _I)),
    (
        ("session",),
        compile_skipping(
            # "a member of the delegation said the next session had been agreed"
            r"delegations?\b(?=[^.;]{0,120}?\b(?:next|new|fresh)\s+session\b)|"
            # "The session will take place in X": the story's round, its venue in a sentence of its own
            # (an aside between: "the next session, at which the envoys will discuss X, would be held in Y")
            r"\bsession(?:(?<=[Tt]he\ssession)|(?<=next\ssession))(?=(?:\s*,[^,;.]{1,120},)?\s+(?:will|would|is\s+to|shall)\s+"
            r"(?:take\s+place|be\s+held|open)\s+(?:in|at)\b)",
            _I,
        ),
    ),
    (("delegation",), LEAD_DELEGATIONS_AT),
    (
        ("onven",),
        # "mediators will convene Israeli and Hamas negotiators in Cairo on Wednesday"
        compile_skipping(
            r"\b(?:re)?conven(?:e|es|ing)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*,?\s+(?:and\s+)?){1,4}"
            r"(?:negotiators|delegations|delegates|envoys|representatives)\b",
            _I,
        ),
    ),
    (
        ("ommittee", "ommission"),
        # "the Supervisory Committee on the prisoner exchange, which the UN co-chairs ..., will convene in X on Sunday"
        compile_skipping(
            r"\b(?:supervisory|joint|military|ceasefire|truce|border|bilateral)\s+(?:committee|commission)\b"
            r"(?=[^.;]{0,140}?\b(?:will|is\s+(?:to|due\s+to|set\s+to|expected\s+to))\s+(?:re)?convene\s+(?:in|on|at|next|this)\b)",
            _I,
        ),
    ),
)

# ... and, for each, the strings every match of it reads (as _Form.required)
_RARE_REQUIRED = tuple(required_words(rx.pattern, rx.flags) for _, rx in TRIGGER_RARE)
# ... and the words every match of it starts with, if known
_RARE_LEADS = tuple(lead_words(rx.pattern, rx.flags) for _, rx in TRIGGER_RARE)


def names_talks(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] names talks or a meeting at all (TRIGGER, or one of the rarer forms)."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    ascii = low.isascii()
    folded = ascii or not any(ch in low for ch in UNFOLDED)
    if folded:
        # (plain loops: this runs on every sentence, and a generator per word costs more than the tests)
        tried: set[int] = set()
        for word, indexes in _TRIGGER_BY_WORD:
            if word not in low:
                continue
            for i in indexes:
                if i in tried:
                    continue
                tried.add(i)
                form = _FORMS[i]
                if holds_required(low, form.required) and form.search(text, low, start, end, ascii):
                    return True
    elif TRIGGER.search(text, start, end) is not None:
        return True
    for (words, rx), required, leads in zip(TRIGGER_RARE, _RARE_REQUIRED, _RARE_LEADS, strict=True):
        for w in words:
            if text.find(w, start, end) >= 0:
                if (not folded or holds_required(low, required)) and (
                    search_at_words(rx, leads, text, low, start, end)
                    if ascii and leads is not None
                    else rx.search(text, start, end) is not None
                ):
                    return True
                break
    return False


DENIED = compile_skipping(
    r"\bno\s+(?:\w+\s+){0,3}?(?:talks|meetings?|negotiations|summit|discussions)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:are|is|was|were|has\s+been|have\s+been)?\s*(?:planned|scheduled|set|expected|agreed|foreseen|envisaged)"
    r"|\bno\s+(?:immediate\s+|current\s+|concrete\s+)?plans?\s+(?:\w+\s+){0,5}?to\s+(?:meet|hold|host|talk|negotiate)"
    # "officials said no concrete plans were in place"
    r"|\bno\s+(?:immediate\s+|current\s+|concrete\s+|firm\s+)?plans?\s+"
    # ("for a meeting between the two leaders", not "for a peace agreement": the plan of something else)
    r"(?:for\s+(?:an?\s+|the\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:meeting|talks|summit|negotiations|round)\b"
    r"(?:\s+(?:between|with)\s+(?:[\w'’.-]+\s+){1,4}?|\s+)?)?(?:(?:were|was|are|is)\s+(?:yet\s+)?|(?:had|has|have)\s+(?:yet\s+)?been\s+put\s+)in\s+place\b"
    r"(?![^.;]*\bbut\b[^.;]*\b(?:will|would|are\s+to)\b)"
    r"|\b(?:there\s+(?:is|are|will\s+be)|has\s+been)\s+no\s+(?:\w+\s+){0,3}?(?:talks|meeting|negotiations|summit)\b"
    r"|\bno\s+[\"“]?precise\s+timeframe|\bnot\s+necessary\b"
    # "no meeting between the two had been arranged", "no meeting on the cards"
    # (not "..., but the ministers will meet on Friday")
    r"|\bno\s+(?:\w+\s+){0,2}?(?:talks|meetings?|negotiations|summit)\s+(?:[\w-]+\s+){0,4}?(?:had|has|have)\s+been\s+"
    r"(?:arranged|organi[sz]ed|planned|scheduled|set\s+up|fixed)\b(?![^.;]*\bbut\b[^.;]*\b(?:will|would|are\s+to)\b)"
    r"|\bno\s+(?:\w+\s+){0,2}?(?:talks|meetings?|negotiations|summit)\s+(?:[\w-]+\s+){0,3}?(?:on\s+the\s+cards|in\s+the\s+works|in\s+the\s+pipeline)\b"
    r"(?![^.;]*\bbut\b[^.;]*\b(?:will|would|are\s+to)\b)"
    # "Egypt's foreign ministry denies that officials from A and B will meet in X on Monday"
    # (not "denied that it had agreed to concessions, but confirmed that its delegation will meet ...")
    r"|\b(?:deny|denies|denied|denying)\s+that\s+(?=(?:(?!\bbut\b)[^.;]){0,120}?\b(?:will|would|are\s+to|were\s+to)\s+(?:meet|hold|resume)\b)"
    r"(?![^.;]*\b(?:cancell?ed|called\s+off|postponed|delayed|suspended)\b)"
    # "officials in both capitals said nothing had been decided"
    # (not "nothing has been decided about the agenda, but the leaders will meet")
    # "at the moment there is nothing on the calendar"
    r"|\bnothing\s+(?:is\s+)?(?:yet\s+)?on\s+the\s+calendar\b"
    # "Neither side has announced when they will meet again" (not "agreed to hold a new round, though
    # neither side has announced when": an agreed round with its date open)
    r"|(?<!\bthough\s)(?<!\bbut\s)(?<!\balthough\s)\bneither\s+(?:side|party|government|capital|of\s+them)\s+(?:has|have|had)\s+"
    r"(?:yet\s+)?(?:announced|said|set|given|disclosed|indicated)\s+when\b"
    # "there was no bilateral meeting on the first day, and none is planned for Thursday"
    r"|\bnone\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:yet\s+)?(?:planned|scheduled|expected|foreseen|envisaged)\b"
    r"(?![^.;]{0,40}\bbut\b)"  # (not "none is planned, but A and B will hold talks ...")
    # "the two leaders will not meet, officials said" (not "will not meet until ...", "... but")
    r"|\b(?:will|would)\s+not\s+meet\b(?!\s+(?:directly|face|in\s+person|in\s+the\s+same\s+room))"
    r"(?![^.;]{0,80}\b(?:until|unless|but|before)\b)"
    r"|\bnothing\s+(?:has|had)\s+(?:yet\s+)?been\s+(?:decided|agreed|fixed|scheduled|confirmed|finali[sz]ed|arranged)\b"
    r"(?!\s+(?:about|on|regarding)\s+(?:the\s+)?(?:agenda|details|format|substance|topics))(?![^.;]*\bbut\b[^.;]*\bwill\b)"
    r"|\b(?:deny|denied|denies|denying|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|ruled\s+out)\s+(?:\w+\s+){0,4}?(?:reports?|claims?|speculation|"
    r"talks|meeting|negotiations?|plans?\s+to\s+(?:host|hold|meet)|contacts)\b"
    # (not "dismissing reports that X was considering pulling out": the talks stand)
    r"(?![^.;]{0,80}?\b(?:pull(?:ing|ed)?\s+out|withdraw\w*|boycott\w*|cancel\w*|call(?:ing)?\s+off|postpon\w*|delay\w*|skip\w*)\b)"
    # (not "dismissed reports that the meeting had been cancelled ... would meet as planned")
    r"(?![^.;]*\b(?:as\s+planned|go(?:es)?\s+ahead|cancell?ed|called\s+off|postponed)\b)"
    # "dismissed as \"baseless\" a report that ...", "rejected as speculative and unfounded a media report"
    r"|\b(?:dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|denounc(?:ed|es|ing)?)\s+as\s+[\"“'‘]?[\w\s,-]{1,40}?[\"”'’]?\s+"
    r"(?:(?:a|the|an)\s+)?(?:[\w-]+\s+){0,2}?(?:reports?|claims?)\b"
    # "denied that it had agreed to peace talks with the separatists"
    r"|\b(?:deny|denied|denies|denying)\s+(?:that\s+)?(?:it|they|he|she|the\s+government)\s+(?:had|has|have|would)\s+"
    r"(?:ever\s+)?(?:agreed|accepted|consented)\s+to\s+(?:(?:hold|any|the|a|an|direct|new|peace|face-to-face)\s+){0,2}?"
    r"(?:talks|negotiations|meet|a\s+meeting|dialogue)\b"
    # "a false report that P and Q will hold talks"
    r"|\b(?:false|fake|baseless|groundless|untrue|fabricated)\s+(?:\w+\s+){0,2}?(?:reports?|claims?|rumou?rs?)\s+"
    r"(?:that\b(?=[^.;]{0,120}\b(?:talks|meet(?:ing)?|negotiations|summit)\b)|(?:of|about)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\w-]+\s+)?(?:talks|meeting|summit|negotiations)\b)"
    # ... unless the plan is upheld ("..., but the delegations will meet on Monday")
    r"(?![^.;]*\b(?:go\s+ahead|as\s+planned|confirmed|but\b[^.;]*\bwill)\b)",
    _I,
)
CANCELLED = compile_skipping(
    r"\b(?:cancell?ed|cancels|calls?\s+off|called\s+off|scrap(?:s|ped)|shel(?:ved|ves)|abandon(?:s|ed)|"
    r"pull(?:ed|s)?\s+out(?!\s+(?:of\s+)?(?:the\s+)?(?:troops|forces|soldiers|its|their)\b))\b",
    _I,
)
POSTPONED = compile_skipping(
    # not "long-delayed talks to open on Saturday": an adjective of their history
    r"(?<![-–])\b(?:postponed|delayed|put\s+off|deferred|pushed\s+back|postpones|pushes\s+back|puts\s+off|defers|will\s+not\s+(?:take\s+place|go\s+ahead|be\s+held)|"
    # "have agreed to postpone the next meeting": the decision to put it off
    r"(?:agreed|decided|voted|chose|opted)\s+to\s+(?:postpone|delay|defer|push\s+back|put\s+off)\s+"
    r"(?:the\s+|their\s+|its\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:meeting|talks|round|summit|session|negotiations|dialogue|consultations|visit|conference)\b|"
    r"won['’]t\s+(?:take\s+place|go\s+ahead|be\s+held)|not\s+take\s+place)\b",
    _I,
)
# A postponement that names no new date stays "postponed", whatever other date the sentence has.
# the same sentence, before the words: something else put off ("Elections planned for December were
# postponed indefinitely")
_OTHER_MATTERS = (
    r"elections?|polls|vote|voting|referendum|census|trial|hearings?|match(?:es)?|games?|flights?|"
    r"concerts?|exams?|inauguration|parade|festival|launch"
)
OTHER_MATTER_BEFORE = compile_skipping(rf"\b(?:{_OTHER_MATTERS})\b[^.!?\n]*$", _I)
# "..., but the president postponed the vote indefinitely": what is put off, right after the verb
OTHER_MATTER_AFTER = compile_skipping(
    rf"\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:{_OTHER_MATTERS})\b", _I
)
NO_NEW_DATE = compile_skipping(
    r"\b(?:without\s+(?:giving|setting|announcing|naming|proposing|fixing|offering|specifying|a)\s+(?:a\s+)?(?:reason\s+or\s+(?:a\s+)?)?new\s+date|"
    r"no\s+new\s+date|"
    # "ended ... without setting a date for their next meeting" (not "... in September, without giving a date")
    r"without\s+(?:(?:setting|fixing|agreeing(?:\s+on)?)\s+(?:a\s+)?|an?\s+|any\s+)date\s+for\s+(?:(?:the|their|a|any)\s+)?(?:next|further|new)\b|"
    r"indefinitely|until\s+further\s+notice|sine\s+die|"
    # "a new date will be announced later", "new dates are yet to be determined"
    r"new\s+dates?\s+(?:\w+\s+){0,4}?(?:will\s+be|to\s+be|is\s+not|are\s+not|has\s+not\s+been|have\s+not\s+been|"
    r"yet\s+to\s+be)\s+(?:\w+\s+)?(?:announced|determined|set|fixed|agreed|known|decided)"
    r"(?!\s+[\"“]?(?:in\s+the\s+(?:days|weeks)\s+(?:following|after)|after|right\s+after)\b)|"
    r"no\s+(?:\w+\s+)?date\s+(?:has\s+been\s+|was\s+|is\s+)?(?:yet\s+)?(?:set|fixed|given|agreed)|"
    r"at\s+a\s+(?:later|mutually\s+convenient|convenient)\s+(?:date|time))\b",
    _I,
)
POSTPONED_TO = compile_skipping(
    r"\b(?:postponed|delayed|put\s+off|deferred|pushed\s+back|postpones|pushes\s+back|puts\s+off|defers|"
    r"(?:agreed|decided|voted|chose|opted)\s+to\s+(?:postpone|delay|defer|push\s+back|put\s+off)"
    r"(?=\s+(?:the\s+|their\s+|its\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:meeting|talks|round|summit|session|negotiations|dialogue|"
    r"consultations|visit|conference)\b))\s+"
    r"(?:by\s+(?:a|an|one|two|three|four|five|six|several|a\s+few|\d{1,2})\s+(?:days?|weeks?|months?)\s+)?"
    # "has postponed a meeting of the factions in X, which was due to begin on Saturday, to June 26",
    # "... postpone the next meeting of their council, initially planned for February 6, to March 13"
    r"(?:[^.;,]{1,120}?,\s+(?:which|(?:initially|originally|previously|first)\s+(?:planned|scheduled|set|due))\s+[^.;,]{1,80},\s+)?"
    r"(?:to|until|till)\b",
    _I,
)
# "postponed to early May", "delayed until next month": a new time without a day (an update by the
# corpus convention, with no start date).
POSTPONED_TO_VAGUE = compile_skipping(
    r"\b(?:postponed|delayed|put\s+off|deferred|pushed\s+back|moved|rescheduled|postpones|pushes\s+back|puts\s+off|defers|"
    r"(?:is|are)\s+now\s+(?:set|scheduled|expected|planned|slated))\s+"
    r"(?:[\w'’-]+\s+){0,12}?(?:to|until|till|for)\s+"
    r"(?:(?:early|mid|late|the\s+(?:end|beginning|middle|(?:first|second|latter)\s+half|"
    r"(?:first|second|third|fourth|last)\s+week)\s+of)[\s-]+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    # ('postponed to "early spring"', "put off until the autumn")
    r"[\"“]?(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:spring|summer|autumn|fall|winter)|"
    r"next\s+(?:week|month|year)|the\s+(?:coming|following)\s+(?:week|month)s?|"
    r"later\s+(?:this|in\s+the)\s+(?:week|month|year))\b"
    # "postponed until after the Eid holiday": a new time, after a named season
    # "has postponed a meeting to review X, which had been scheduled for next week, to early November"
    r"|\b(?:postponed|delayed|put\s+off|deferred|pushed\s+back)\b[^.;]{0,200}?,\s+(?:to|until)\s+"
    # ('..., originally planned for May 6, to "the second half of May"')
    r"[\"“]?(?:early|mid|late|the\s+(?:end|beginning|middle|(?:first|second|latter)\s+half)\s+of)[\s-]+"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    # ("postponed the resumption of talks between A and B in X until after the Eid holiday")
    r"|\b(?:postponed|delayed|put\s+off|deferred|pushed\s+back)\s+[^.;]{0,120}?\buntil\s+after\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:holidays?|Eid|Ramadan|Christmas|New\s+Year|Nowruz|Easter|summer|recess|festival)\b"
    # "it is postponed and will be held in the coming days"
    r"|\b(?:postponed|delayed|put\s+off|deferred)\b[^.;]{0,60}?\b(?:will|would)\s+(?:now\s+)?(?:be\s+held|take\s+place|resume|"
    r"meet|convene)\s+(?:in|within|during)\s+the\s+(?:coming|next|following)\s+(?:few\s+)?(?:days|weeks)\b"
    # "pushed back a week", "delayed by two days": a new time, counted from the old
    r"|(?<!had\sbeen\s)\b(?:postponed|pushed\s+back|moved\s+back)\s+(?:by\s+)?(?:a|one|two|three|four|\d+)\s+"
    r"(?:days?|weeks?|months?)\b(?!\s+ago)",
    _I,
)
RESCHEDULED = compile_skipping(
    r"\b(?:rescheduled|(?:will|would)\s+(?:now|instead)\s+(?:\w+\s+)?(?:take\s+place|be\s+held|meet|begin|start|open|convene)|"
    # "the meeting would be held in Kuala Lumpur instead, on the same date"
    # (not "Kyiv would only go if the meeting will be held in a neutral country instead": a condition)
    r"(?<!\bif\s)(?<!\bunless\s)(?<!\bonly\s)\b(?:the\s+(?:meeting|talks|round|session|summit)|it)\s+(?:will|would)\s+"
    r"(?:be\s+held|take\s+place)\s+(?:in|at)\s+[^.;]{1,60}?\binstead\b(?!\s+of\b)|"
    # "which had been due to open on Thursday, are now set for early next month" (not "is now scheduled
    # for 4:30 p.m.", an hour's delay)
    r"(?:is|are)\s+now\s+(?:set|scheduled|expected|planned|slated)\s+for\s+(?:early|mid|late|the\s+(?:end|beginning|middle)\s+of|"
    r"next\s+(?:week|month)|later\s+this|the\s+coming)\b|"
    r"new\s+date|instead\s+of|"
    r"will\s+move\s+to|moved\s+to|relocated|"
    # "postponed their meeting from 6 February to 13 March", "moved from the 13th to the 20th"
    r"(?:moved|shifted|pushed\s+back|brought\s+forward|postponed|delayed|put\s+back)\s+(?:[\w'’-]+\s+){0,8}?"
    r"from\s+(?:the\s+)?(?=\d|(?-i:[A-Z]))[\w.]+(?:\s+[\w.]+)?\s+to\s+(?:the\s+)?(?=\d|(?-i:[A-Z]))|(?:venue|date)\s+(?:was|has\s+been|had\s+been)\s+changed|"
    r"shifted\s+to|brought\s+forward|brought\s+(?:it|them)\s+forward|"
    # "has moved a meeting to review the agreement between A and B from X to Y"
    r"moved\s+(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|talks|round|session|summit)\b[^.;]{0,160}?"
    r"\bfrom\s+(?-i:[A-Z])[\w'’-]+\s+to\s+(?-i:[A-Z])|"
    # "has put back the next round ... by ten days, moving its opening from this Friday to August 25"
    r"(?:put|pushed|set)\s+back\s+(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,6}?(?:meeting|talks|round|session|summit)\b"
    r"[^.;]{0,80}?\b(?:by\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?)|to\s+(?=\d|(?-i:[A-Z])))|"
    r"moving\s+(?:its|the|their)\s+(?:opening|start|date)\s+from\s+[^.;]{1,40}?\s+to\b|"
    # "has moved a planned meeting between A and B from X to Y"
    r"(?:moved|shifted|transferred)\s+(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,8}?(?:meeting|talks|round|session|summit)\b"
    r"[^.;]{0,80}?\bfrom\s+(?-i:[A-Z])[\w-]+\s+to\s+(?=(?-i:[A-Z]))|"
    # "will no longer take place in X but in Y": the venue moved
    r"no\s+longer\s+(?:take\s+place|be\s+held)\s+(?:in|at)\s+[^.;,]{1,40}?,?\s+but\s+(?:in|at)(?=\s+(?-i:[A-Z]))|"
    # "... but will be conducted by videoconference in mid-March"
    r"no\s+longer\s+(?:take\s+place|be\s+held)\s+(?:in|at)\s+[^.;,]{1,40}?,?\s+but\s+will\s+be\s+"
    r"(?:held|conducted)\s+(?:[\w-]+\s+){0,3}?(?:in|on)\s+(?:early|mid|late)?)\b",
    _I,
)
# "The talks are held at a UN base in X": the standing venue of a series, in the present tense
STANDING_VENUE = compile_skipping(
    r"\b(?:talks|negotiations|meetings|rounds|sessions)\s+are\s+(?:usually\s+|normally\s+|always\s+)?"
    r"(?:held|hosted|taking\s+place)\s+(?:at|in)\b",
    _I,
)
# "the format, which meets in X several times a year": the seat of a standing series, named
# outside any talks mention (the place is the entity right after the match)
STANDING_SEAT = compile_skipping(
    r"\b(?:which|that)\s+(?:usually\s+|normally\s+|regularly\s+)?(?:meets|convenes|sits)\s+in\s+(?:the\s+)?"
    r"(?=[^.;]{0,60}?\b(?:(?:several|two|three|four|a\s+few)\s+times\s+a\s+year|every\s+(?:year|month|quarter|few)|"
    r"each\s+(?:year|month|quarter)|regularly|twice\s+a\s+year)\b)",
    _I,
)
# "Singapore's foreign ministry said it was glad to provide the venue": the venue's state or city says so
VENUE_PROVIDED = compile_skipping(
    r"\bprovid(?:e|es|ed|ing)\s+(?:the\s+)?(?:venue|premises)\b(?!\s+for\s+(?:a|an|the)\s+(?:[\w-]+\s+)?"
    r"(?:conference|forum|festival|games|summit\s+of))",
    _I,
)
# "its chief negotiator would travel to the Belgian capital on Thursday", "the delegations are invited to
# the Qatari capital", "negotiators summoned to Brussels": where the sides are going (the place right after)
DESTINATION = compile_skipping(
    r"\b(?:(?:will|would|is\s+(?:due|set|expected)\s+to|are\s+(?:due|set|expected)\s+to)\s+(?:\w+\s+)?"
    r"(?:travel|fly|head|go|proceed)|(?:are|is|have\s+been|has\s+been)\s+(?:invited|summoned)|"
    r"(?<!\bhad\s)summoned|"
    # "Ethiopia will send a high-level delegation to Mogadishu on Thursday"
    r"(?:will|would|is\s+(?:due|set|expected)\s+to)\s+(?:send|dispatch)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?delegation"
    r")\s+to\s+(?:the\s+)?",
    _I,
)
# "a peace process that has so far moved between A, B and C": where earlier rounds met
MOVED_BETWEEN_BEFORE = compile_skipping(
    r"\b(?:moved|rotated|alternated|shuttled|travelled|traveled)\s+between\s+(?:(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+)?,?\s+(?:and\s+)?){0,4}$",
    _I,
)
# "A delegation led by the water resources minister will travel to ...": a sender the sentence leaves
# unnamed (the story's own state)
UNNAMED_DELEGATION = compile_skipping(
    r"\W*(?:A|The)\s+(?:government\s+|ministerial\s+|high-level\s+|technical\s+)?(?:delegation|team)\s+"
    r"(?:led|headed)\s+by\s+(?:the|its)\b"
)
# "BAGHDAD, Oct 15 - Foreign Minister X told reporters ...", "NEW DELHI (Agency): External Affairs Minister X and
# Chinese Foreign Minister Y will ...": a minister with no state named, opening a datelined story
HOME_TITLE_OPENS = compile_skipping(
    r"\W*[A-Z][A-Z.'’ -]{2,40}(?:,[^-–—:\n]{0,40}?)?\s*(?:[-–—]+|:)\s*(?:The\s+)?"
    r"(?:(?:Foreign|Defen[cs]e|Interior|External\s+Affairs|Trade|Energy|Finance|Water)\s+Minister|Prime\s+Minister|"
    r"President|Vice\s+President|Foreign\s+Secretary)\s+(?:[A-Z][\w'’-]+\s+){1,3}(?=and\b|will\b|is\b|has\b|told\b|said\b)"
)
# "ISLAMABAD - ... during the visit the Foreign Minister will hold talks with ...": a minister named
# by title alone, of no state, in a story datelined in a capital (not "the Foreign Minister of X")
BARE_HOME_TITLE = compile_skipping(
    r"\b[Tt]he\s+(?:Foreign|Defen[cs]e|Interior|Prime)\s+Minister\b(?!\s+of\b)"
)
# "the second round, scheduled to open in X on Tuesday, will instead be held in Y": X was the old plan
SCHEDULED_THERE_BEFORE = compile_skipping(
    # (", scheduled for Nov. 12 in the Kyrgyz town of X, will instead ...")
    r"\b(?:scheduled|planned|set|due)\s+(?:to\s+(?:open|begin|start|be\s+held|take\s+place|meet)|for\s+[^,;]{1,25}?)\s+"
    r"(?:in|at)\s+(?:the\s+(?:[\w'’-]+\s+){0,2}?(?:town|city|village|capital|resort|port)\s+of\s+)?$",
    _I,
)
# "The teams will begin their work on Monday 14", "the two-day session, which opens next Tuesday": the
# day of the event a sentence before named, in a sentence with no talks word of its own
FOLLOW_UP_DAY = gated(
    compile_skipping(
        r"\b(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:sessions?|teams|working\s+groups?|commission|committee|meeting|review|"
        r"delegations)\b[^;]{0,90}?\b(?:will\s+(?:now\s+|instead\s+)?(?:begin|open|start|run|be\s+held|take\s+place|meet|convene)|"
        r"which\s+(?:opens|begins|starts))\b"
        # "the Chinese foreign minister will be in Islamabad from 3 to 5 May": the visitor's days
        r"|\b(?:minister|president|prime\s+minister|secretary|envoy|chancellor|delegation)\s+(?:will|is\s+(?:due|expected)\s+to)\s+"
        r"be\s+in\s+(?-i:[A-Z])"
        # "The date, Tuesday June 6, is unchanged": the plan's day, kept
        r"|\b(?:date|day|dates)\b[^.;]{0,40}?\b(?:is|are|remains?)\s+(?:unchanged|the\s+same|maintained|confirmed)\b",
        _I,
    )
)
# "officials in Mogadishu and Hargeisa said their delegations would resume talks": the sources are the sides
SOURCES_ARE_SIDES = compile_skipping(
    r"\b(?:officials|sources|spokesmen|spokespeople|ministries|governments)\s+in\s+[^.;]{1,40}?\s+and\s+[^.;]{1,40}?"
    r"\s+said\s+(?:that\s+)?their\s+(?:delegations|negotiators|teams|leaders|representatives|governments|envoys)\b",
    _I,
)
# "will not be held in the Venezuelan capital but in Havana": the place the plan leaves
NOT_IN_BEFORE = compile_skipping(r"\bnot\s+(?:be\s+)?(?:[\w-]+\s+)?(?:in|at)\s+(?:the\s+)?$", _I)
HISTORY = compile_skipping(
    # "has been set for Friday" is the plan as it stands; "had been", "were" and a plain "been" an old one
    # "which was to be held in X next week, will instead be held in Y"
    r"\b(?:was|were)\s+to\s+(?:be\s+held|have\s+been\s+held|take\s+place|have\s+taken\s+place|open|have\s+opened)\b|"
    r"\b(?:were|was|had\s+been|(?<!has\s)(?<!have\s)(?<!now\s)been)\s+(?:initially|originally|previously|first|earlier)?\s*"
    r"(?:scheduled|planned|set|supposed|due|expected|slated|intended|foreseen|pencil+ed\s+in)\b|"
    # "a meeting that the UN had planned to hold in X on Monday"
    r"\bhad\s+(?:originally\s+|initially\s+)?(?:planned|scheduled|intended|hoped)\s+to\s+(?:hold|host|stage)\b|"
    r"\b(?:originally|initially|previously)\s+"
    r"(?:planned|scheduled|set|slated)\b",
    _I,
)


# "X will pay a state visit to Y from April 10 to 12", "the state visit ..., initially scheduled for
# April 3-4, will now take place on April 10-11": the days of a visit a later sentence's talks fall in
VISIT_DAYS = compile_skipping(
    r"\b(?:state|official|working|first|two-day|three-day)\s+visit\b[^.;]{0,160}?"
    r"\b(?:will\s+(?:now\s+|instead\s+)?(?:take\s+place|be\s+(?:held|made|paid))|(?:is|was)\s+(?:now\s+)?(?:scheduled|set|due|planned)|"
    r"from|on|between|starting|beginning)\b"
    r"|\b(?:will|is\s+(?:due|set|expected)\s+to|to)\s+(?:pay|make|begin|start)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?visit\b"
    # "Ethiopia will send a high-level delegation to Mogadishu on Thursday": a trip to the talks' venue
    r"|\b(?:will|is\s+(?:due|set|expected)\s+to)\s+(?:send|dispatch)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?delegation\s+to\b"
    r"|\b(?:will|is\s+(?:due|set|expected)\s+to)\s+(?:travel|fly|head)\s+to\b",
    _I,
)
# "During the visit, the president will hold talks with ...": the talks of that visit
DURING_VISIT = compile_skipping(
    r"\b(?:during|in\s+the\s+course\s+of|on\s+the\s+sidelines\s+of)\s+(?:the|his|her|their|this|that)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:visit|trip|stay|tour)\b",
    _I,
)


def old_plan_clause(before: str) -> bool:
    """Whether `before` (the words up to a day or a place) ends in the clause of an old plan ("which
    had been scheduled for", "originally scheduled to open in X on"): no comma since its last HISTORY."""
    found = list(HISTORY.finditer(before))
    return bool(found) and "," not in before[found[-1].end() :]


# "agreed at the end of their second session in X, held from ..., to reconvene in Y": the days in the
# aside are the last round's
_AGREED_ACROSS_CLAUSE = r"\bagreed\s+(?:at|after|during|on|in|before)\b[^;]{1,100}?,\s+to\s+(?:meet|reconvene|resume|hold|return|continue)\b"
AGREED_ACROSS_CLAUSE = compile_skipping(_AGREED_ACROSS_CLAUSE, _I)
# ... and the rarer present-tense plans, tried only on sentences holding their words
# "X will also attend a meeting of ...": another meeting beside the story's own
# (the sentence's own verb, its subject before it: not "..., adding that he would also hold a bilateral";
# a meeting of its own, not "X will also attend the talks", a third side at the same table)
ALSO_MEETS = compile_skipping(
    r"^\W*(?:[\w'’.-]+\s+){1,8}?(?:will|would|is\s+to|are\s+to|is\s+due\s+to|is\s+expected\s+to)\s+also\s+"
    r"(?:attend|hold|have|join|take\s+part\s+in|participate\s+in)\s+(?:a|an|another|separate|several)\b"
    r"(?!\s+(?:separate\s+)?bilateral\b)",  # ("Biden will also hold a bilateral meeting with Xi": the story's own)
    _I,
)
# "Talks with officials of X will focus on trade": the agenda of talks still to come (not "any talks";
# tried only on sentences holding its verbs)
AGENDA_AHEAD = compile_skipping(
    r"(?<!\bany\s)(?<!\bfuture\s)(?<!\bpossible\s)(?<!\beventual\s)(?<!\bsuch\s)\b(?:talks|negotiations|consultations|discussions)\b"
    # (talks told where or with whom: not "the discussions will also focus on", of talks under way)
    r"\s+(?:in|with|between|at)\s+(?:(?!\b(?:have|has|had|were|was|are|is|been|and)\b)[^.;]){1,80}?\s+(?:will|are\s+expected\s+to)\s+"
    r"(?:mainly\s+|primarily\s+|largely\s+)?"
    r"(?:focus|cent(?:re|er)|concentrate)\s+on\b",
    _I,
)
STRONG_RARE = compile_skipping(rf"{_WHEN_THEY_MEET}|{_GO_BACK_TO}", _I)
# "Saturday's talks", "next Monday's meeting"
_DAYS_TALKS = (
    r"(?:next\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|meeting|summit|round|session|negotiations)\b"
)
STRONG_FUTURE = compile_skipping(
    r"\b(?:will|shall|['’]ll)\s+(?:\w+\s+){0,3}?(?:hold|meet|begin|start|commence|take\s+place|be\s+held|host|resume|convene|"
    r"open|travel|head|attend|sit\s+down|gather|participate|move|be\s+(?:meeting|holding|hosting|hosted|in|at)|"
    # machine-translated and wire copy: "where he will have talks with", "will lead a delegation to X"
    r"have\s+(?:talks|consultations|discussions|negotiations)|pay\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?visit\s+to|"
    r"lead\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?delegation\s+to|"
    # "A's and B's envoys will lead delegations in X from Monday for a week of talks"
    r"lead\s+(?:their\s+|the\s+|two\s+)?(?:[\w-]+\s+)?delegations\b(?=[^.;]{0,80}?\bfor\s+(?:[\w-]+\s+){0,4}?"
    r"(?:talks|negotiations|consultations)\b)|"
    r"kick\s+off|get\s+under\s?way|reconvene|bring\s+together|"
    # machine-translated copy: "will be carried out in the city of X"; a host that "will receive ... a
    # delegation of A and representatives of B for a new round of talks"
    r"be\s+carried\s+out|receive\b(?=[^.;]{0,200}?\bfor\s+(?:a\s+|the\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:round|talks|negotiations|meeting|consultations)\b)|"
    # "Norway will facilitate talks between A and B starting March 9", "Oman will mediate a fresh round"
    # (not "X's minister will co-chair the meeting": a chair of the meeting another sentence plans)
    r"(?:mediate|facilitate)\s+(?:[\w-]+\s+){0,4}?(?:talks|negotiations|round|dialogue|consultations)|"
    # "Kazakhstan will bring the foreign ministers of A and B together in X next Friday"
    r"bring\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:ministers|leaders|presidents|delegations|negotiators|sides|parties)\s+"
    r"of\s+[^.;]{0,60}?\btogether|"
    r"bring\s+(?:the\s+)?(?:[\w'’,-]+\s+){1,4}?(?:delegations|leaders|ministers|negotiators|sides|parties)\s+together|"
    # "delegations will return to the Qatari capital on Monday for a new round"
    r"return\s+to\b(?=[^.;]{0,60}?\bfor\s+(?:a\s+|the\s+|another\s+)?(?:new\s+|next\s+|fresh\s+|further\s+|resumed\s+)?"
    r"(?:talks|round|negotiations|meeting|session))|"
    # "will return to the table next week", "will return to X to resume negotiations"
    r"return\s+to\s+the\s+(?:negotiating\s+)?table\b|"
    r"return\s+to\b(?=[^.;]{0,60}?\bto\s+(?:resume|continue|hold)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+)?"
    r"(?:talks|negotiations|consultations|discussions)\b(?![^.;]{0,40}\b(?:lawmakers|MPs|legislators|unions?|party)\b))|"
    # machine-translated copy: "will realize a second meeting", "will celebrate a meeting"
    r"(?:reali[sz]e|celebrate|carry\s+out)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|round|session|summit)|"
    # "mediators will receive delegations from A and B in X for talks"
    r"(?:receive|welcome)\s+(?:the\s+|an?\s+|(?:his|her|their|its)\s+)?(?:[\w'’-]+\s+){0,4}?(?:delegations?|negotiators|envoys|leaders|teams|"
    # "will receive the foreign ministers of A and B", "will receive his Sudanese counterpart"
    r"(?:prime\s+)?ministers?\s+of|presidents?\s+of|leaders\s+of|counterparts?|"
    # "will receive the Algerian president in Paris for talks"
    r"(?:president|prime\s+minister|chancellor|king|emir|sultan|crown\s+prince)(?![\w'’]))\b|"
    # machine-translated copy: "will be realized", "will install a new cycle of dialogues"
    r"be\s+(?:realized|realised|carried\s+out|conducted|staged|celebrated|installed|re-?installed|reinstated|reactivated|relaunched|resumed|"
    # "the meeting of the border committee will be organised at X"
    r"organi[sz]ed|convened|"
    r"reopened|restarted|revived|widened|expanded|enlarged|broadened)|install|"
    # "will launch negotiations", "will enter into talks", "will engage in a dialogue"
    r"(?:launch|enter(?:\s+into)?|engage\s+in|reopen|restart|relaunch|revive)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:talks|negotiations|dialogue|consultations|discussions))\b"
    # "will join the talks", not "will join forces", "will join the bloc"
    r"|\b(?:will|shall)\s+(?:\w+\s+){0,2}?join\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:talks|negotiations|meeting|summit|round|delegation|session|discussions|consultations)\b"
    # "civilian representatives of A and B will take part in a meeting of the monitoring committee"
    r"|\b(?:will|shall)\s+(?:\w+\s+){0,2}?(?:take\s+part|participate)\s+in\s+(?:a|an|the|their|its)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:talks|negotiations|meeting|round|session|consultations)\b"
    # "civilian representatives will join the military officers at Wednesday's meeting in X"
    r"|\b(?:will|shall)\s+(?:\w+\s+){0,2}?join\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?at\s+(?:the\s+|a\s+|\w+['’]s\s+)"
    r"(?:[\w-]+\s+){0,2}?(?:talks|negotiations|meeting|summit|round|session|discussions|consultations)\b"
    # "will go to X", "will visit X": a trip to a named place, not "will go ahead/anywhere"
    r"|\b(?:will|shall)\s+(?:go\s+to|fly\s+to|visit|arrive\s+in)\s+(?:the\s+)?(?-i:[A-Z])"
    r"|\b(?:is|are|was|were|been)\s+(?:now\s+)?(?:set|scheduled|due|expected|slated|planned|poised|going)\s+to\s+"
    r"(?:meet|hold|begin|start|take\s+place|be\s+held|resume|convene|reconvene|open|travel|attend|host|sit|return|"
    r"kick\s+off|get\s+under\s?way)\b"
    r"|\b(?:scheduled|set|slated|planned|fixed|(?<!been\s)pencil+ed\s+in)\s+(?:for|on)\b"
    # "a fourth round of talks between A and B is planned, but the date is still open"
    r"|\b(?:round|meeting|summit|session)\b[^.;]{0,80}?\b(?:is|are)\s+(?:now\s+)?planned\b(?=\s*(?:[,;.]|$|\s+but\b))"
    r"|\bdue\s+to\s+(?:be\s+held|take\s+place|begin|start|meet|bring|convene|host|hold|open|resume)\b"
    # (not "neither government has set a date": no one has)
    r"|\b(?<!\bneither\s)(?<!\bneither\sside\s)(?<!\bneither\sgovernment\s)(?<!\bneither\sparty\s)(?<!\bneither\scountry\s)"
    r"(?<!\bneither\scapital\s)(?<!\bnobody\s)(?<!\bno\sone\s)(?:has|have)\s+(?:scheduled|set)\b"
    r"|\bto\s+be\s+held\b|\bplans?\s+to\s+(?:meet|hold|host)\b"
    # "..., setting the session for September 9 and 10"
    r"|\b(?:setting|sets)\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}?(?:session|meeting|talks|round|summit)\s+(?:for|on)\b"
    # "the envoy has secured agreement for A and B to hold a new round": an agreed plan
    r"|\b(?:secured|obtained|won|brokered)\s+(?:an?\s+|the\s+)?(?:agreement|consent|commitment)\s+(?:for|from)\s+[^.;]{1,80}?"
    r"\bto\s+(?:hold|meet|resume|begin|start|open|sit\s+down)\b"
    # "X sends negotiators to Y on Sunday to resume talks": the dispatch is the plan
    r"|\b(?:sends|is\s+sending|dispatches)\s+(?:a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:delegation|negotiators|team|envoys?)\s+to\b"
    r"(?=[^.;]{0,60}\b(?:for|to)\s+(?:\w+\s+){0,6}?(?:talks|negotiations|resume|hold|meet|discuss))"
    # "both delegations had confirmed their participation": the sides have said they will come
    r"|\b(?:have|has|had)\s+(?:both\s+|all\s+|each\s+)?confirmed\s+(?:their|its|his|her)\s+(?:participation|attendance)\b"
    # "a formal round ... has been put on the calendar"
    r"|\b(?:has|have)\s+been\s+put\s+on\s+the\s+calendar\b"
    # "have fixed the date for their summit": the day is agreed, whether or not this sentence gives it
    r"|\b(?:has|have)\s+(?:now\s+)?(?:fixed|agreed(?:\s+on)?|confirmed)\s+(?:the|a)\s+(?:new\s+)?dates?\s+(?:for|of)\b"
    # "a summit is planned in X", "talks are scheduled at the ministry"
    r"|\b(?:is|are)\s+(?:now\s+)?(?:planned|scheduled|slated)\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])"
    # "agreed to a meeting", "agreed to talks": an agreed plan
    r"|\bagreed(?<!\byet\sagreed)(?<!\bnot\sagreed)(?<!\bnever\sagreed)(?<!\bneither\sside\shas\sagreed)"
    r"(?<!\bneither\sside\shad\sagreed)(?<!\bnor\shas\sagreed)\s+to\s+(?:(?:a|an|the)\s+)?(?:(?:new|further|direct|fresh|formal|peace|face-to-face|another|first|"
    r"second|third|trilateral|bilateral)\s+){0,2}(?:round\s+of\s+)?(?:meeting|summit|talks|negotiations)\b(?!['’])"
    # "agreed to return to the negotiating table on Sunday", "accepted a proposal to meet on Sunday"
    r"|\b(?:agreed|agreeing)\s+to\s+return\s+to\s+the\s+(?:negotiating\s+)?table\b"
    r"|\b(?<!\bnot\s)(?<!\bnot\syet\s)(?<!\bnever\s)(?<!\byet\sto\s)accepted\s+(?:a|an|the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:proposal|offer|invitation)\s+to\s+"
    r"(?:meet|hold|resume|attend|sit\s+down|discuss|negotiate)\b"
    r"|\b(?:agreed|agreeing)\s+(?:on\s+\w+\s+)?to\s+(?:(?:start|begin|open|launch|resume|hold|continue|reopen|restart|relaunch|revive)\s+"
    r"(?:\w+\s+){0,2}?(?:talks|negotiations|"
    r"discussions|dialogue|consultations)(?!\s+on\s+(?:holding|organi[sz]ing|convening|arranging|preparing|a\s+possible)\b)"
    r"|meet|hold)\b"
    r"|\bto\s+take\s+place\s+(?:on|this|next|tomorrow|later\s+this)\b|\blooks?\s+forward\s+to\s+hosting\b|\b(?:to|will)\s+(?:host|convene)\b"
    r"|\bare\s+(?:meeting|holding)\b(?=.{0,60}\b(?:next|tomorrow|on\s+\w+day)\b)"
    # "X will send a delegation to Y for talks", "the minister is due in Y for talks"
    r"|\b(?:(?:will|to)\s+(?:send|dispatch)|(?:is|are)\s+(?:sending|dispatching))\s+(?:a|an|its|their|the)?\s*"
    r"(?:[\w-]+\s+){0,2}?(?:delegations?|teams?|negotiators|envoys?)\b"
    # "will send its foreign minister ... to X for talks" (not "... to the funeral, and he met ... for talks")
    r"|\b(?:(?:will|to)\s+(?:send|dispatch)|is\s+(?:sending|dispatching))\s+(?:a|an|its|their|the)\s+(?:\w+\s+){0,2}?(?:(?:foreign|defen[cs]e|trade|finance|"
    r"interior)\s+ministers?|(?:deputy\s+)?foreign\s+secretar(?:y|ies)|chief\s+(?:[\w-]+\s+)?negotiators?)\b"
    r"(?=(?:(?!,\s+and\b|\bfuneral\b|\binauguration\b|\bceremony\b)[^.;]){0,160}?\bfor\s+"
    # "for a week of talks", "for two days of negotiations"
    r"(?:(?:a|one|two|three|four|five|several)\s+(?:weeks?|days?)\s+of\s+)?(?:talks|negotiations|consultations|a\s+meeting)\b)"
    r"|\b(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:due|expected|awaited)\s+(?:to\s+arrive\s+)?in\s+(?=[A-Z]|the\s+(?:\w+\s+)?capital\b)"
    # "talks scheduled to take place on ...", "leaders set to meet", without the auxiliary
    r"|\b(?:scheduled|slated|set|planned|due)\s+to\s+(?:take\s+place|be\s+held|begin|start|open|resume|convene|"
    r"meet|hold|host|visit)\b"
    # "is planning to hold"
    r"|\b(?:is|are)\s+(?:planning|preparing)\s+to\s+(?:meet|hold|host|begin|start|resume|visit|travel|attend|"
    r"convene|sit\s+down)\b"
    # "the next round is expected in the coming weeks", "another meeting is due later this month"
    r"|\b(?:next|further|another|new)\s+(?:round|meeting|session|consultations|talks|negotiations)"
    r"(?!\s+of\s+(?!talks|negotiations|consultations|discussions|dialogue)\w)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:is|are)\s+(?:now\s+)?(?:expected|due|scheduled|planned|slated)\s+"
    r"(?:in|on|next|this|later|within|at|for)\b"
    # "are working out the dates for the next round": an agreed meeting whose day is being fixed
    r"|\b(?:working\s+out|finali[sz]ing|chalking\s+out|fixing|setting|coordinating)\s+(?:the\s+|a\s+)?dates?\s+"
    r"(?:and\s+\w+\s+)?(?:for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:round|meeting|talks|summit|session)\b"
    # "agreed to recommend that the next round of talks be held in X": the subjunctive of a plan
    r"|\bagreed\s+(?:to\s+recommend\s+)?that\s+(?!any\b)(?:the\s+)?[^.;]{0,100}?\b(?:be\s+held|take\s+place|(?:re)?convene)\b"
    rf"|{_AGREED_ACROSS_CLAUSE}"
    # an agreed next round, its time or venue still open (an announcement by the corpus convention)
    r"|\bagree(?:d|ment)\s+(?:to|on)\s+(?:\w+\s+){0,2}?(?:continue|continuing|resume|the\s+continuation\s+of|"
    r"further|another|a\s+new\s+round|the\s+next)\s+(?:\w+\s+){0,2}?(?:round|talks|negotiations|meetings?|"
    r"discussions|consultations)\b(?!\s+on\s+(?:holding|organi[sz]ing|convening|arranging|preparing|a\s+possible)\b)"
    r"|\bagree\w*\b(?:(?!\b(?:without|no|not)\b).){0,80}?\b(?:date|time|venue)\s+(?:and\s+\w+\s+)?(?:of|for)\s+the\s+next\s+"
    r"(?:meeting|round|session)\b"
    # "said the next session had been agreed" (not "... had not been agreed")
    r"|\bnext\s+(?:round|session|meeting)\s+(?:had|has)\s+(?:already\s+)?been\s+(?:agreed|set|fixed|scheduled)\b"
    # "the rial fell ahead of Saturday's talks", "the minister would defend ... at Saturday's talks in X"
    rf"|\b(?:ahead\s+of|before)\s+{_DAYS_TALKS}"
    rf"|\b(?:will|would)\s+[^.;]{{0,100}}?\bat\s+{_DAYS_TALKS}"
    # "negotiators from A and B will discuss the crisis at a meeting in X on Thursday"
    # (not "EU leaders will discuss sanctions on X at a summit": a bloc's own meeting)
    r"|\b(?:will|shall)\s+(?:\w+\s+){0,2}?(?:discuss|be\s+discussed)\b[^.;]{0,80}?\bat\s+(?:a|the|their|an)\s+(?:[\w\"“”+-]+\s+){0,4}?"
    r"(?:meeting|talks|round)\b"
    # "a two-day meeting of the joint mechanism between A and B opens in X on Sunday": a present opening
    # (not "the summit of the bloc's council, which opens on Wednesday, brings together ...": an aside)
    r"|\b(?:meeting|talks|summit|session|round|conference|negotiations)\b[^.;]{0,120}?\b(?<!which\s)(?<!that\s)"
    # (with its day: "the talks begin in X", told as they open, are under way)
    r"(?<!\bto\s)(?:opens?|begins?|starts?|kicks?\s+off)\s+(?:(?:in|at)\s+[^.;,]{1,40}?\s+)?(?:on\s+(?:\w+day|\d{1,2}\b|(?-i:[A-Z])[a-z]+\s+\d)|"
    r"tomorrow|next\s+\w+)"
    # "said the next round would go ahead in X on Saturday as scheduled"
    r"|\b(?:will|would)\s+(?:still\s+)?go\s+ahead\s+(?:in|on|as\s+(?:planned|scheduled))\b"
    # "delegations from A and B are expected back in the Qatari capital on Monday"
    # (not "X is expected back in the capital this week": a traveller coming home)
    r"|\b(?:are|delegation\s+is)\s+(?:expected|due)\s+back\s+(?:in|at)\b(?=[^.;]{0,80}?\bfor\s+(?:a\s+|the\s+|another\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:round|talks|negotiations|meeting|session)\b)",
    _I,
)
# "the talks would open in X", not "would open the way to talks" or "are to open embassies"
_OPENS = r"open(?!\s+(?:the\s+|a\s+|an\s+|new\s+|its\s+|their\s+)?(?:way|door|path|chapter|embass|consulat|border|crossing|office|market|channel|corridor|airspace|talks|negotiations|dialogue))"
# a date set for something else than talks: "before the election, scheduled for November"
OTHER_EVENT_BEFORE = compile_skipping(
    r"\b(?:elections?|vote|referendum|polls|ballot|trial|hearing|verdict|census|inauguration|parliament|"
    r"assembly|congress|senate|cabinet|court|legislature|lawmakers|MPs)\b"
    r"(?:\s+(?:on|in|for|over)\s+[^,.;]{1,40}?)?[,\s]{1,3}(?:which\s+is\s+|now\s+|is\s+|are\s+|was\s+)?$",
    _I,
)
# "P and Q are to meet", "the minister is to visit": a plan, unless the sentence says what something
# is for ("the aim of the summit is to resume patrols", "the only way ... is to hold talks").
IS_TO = compile_skipping(
    r"\b(?:is|are)\s+to\s+(?:meet|hold|host|begin|start|resume|visit|travel|attend|convene|reconvene|sit\s+down|"
    r"take\s+place)\b"
    # "talks are to open", not "border crossings are to open"
    r"|\b(?:talks|negotiations|round|summit|meeting|conference|dialogue|session|consultations|cycle)\s+(?:[\w'’-]+\s+){0,8}?"
    rf"(?:is|are)\s+to\s+{_OPENS}\b",
    _I,
)
PURPOSE_BEFORE = compile_skipping(
    r"\b(?:aim|aims|goal|purpose|objective|way|priority|task|idea|intention|point|plan|hope|challenge|answer|"
    r"solution|step|option|mission)\b",
    _I,
)
WEAK_FUTURE = compile_skipping(
    # (not a wish: "would like to meet", "would love to host")
    r"\bwould\s+(?!(?:like|love|prefer)\b)(?:(?:\w+\s+){0,2}?(?:meet|hold|take\s+place|be\s+held|begin|start|resume|convene|reconvene|host|sit\s+down|"
    r"kick\s+off|get\s+under\s?way|attend|participate|take\s+part|gather)\b"
    # "said they would reopen peace negotiations in X"
    r"|(?:reopen|restart|relaunch|revive)\s+(?:[\w-]+\s+){0,3}?(?:talks|negotiations|dialogue|consultations)\b"
    # "negotiators and the ELN would open their next cycle of talks in X on May 14"
    r"|open\s+(?:the|their|a|its)\s+(?:[\w-]+\s+){0,2}?(?:round|cycle|session)\b"
    # "the ministers would arrive on Wednesday night and sit down with their counterparts on Thursday"
    r"|arrive\b[^.;]{0,40}?\band\s+(?:meet|sit\s+down|hold)\b"
    # "a delegation would travel to X later this month for a new round of talks"
    r"|[\"“]?(?:travel|fly|head|proceed)\b(?=[^.;]{0,80}\bfor\s+(?:a\s+|the\s+)?(?:new\s+|next\s+|fresh\s+|formal\s+)?"
    r"(?:round|talks|negotiations|meeting|summit|consultations|discussions)\b)"
    # "delegations of A and B would return to X next week to resume negotiations"
    r"|return\s+to\b(?=[^.;]{0,60}?\bto\s+(?:resume|continue|hold)\s+(?:the\s+|their\s+)?"
    r"(?:[\w-]+\s+)?(?:talks|negotiations|consultations|discussions)\b"
    r"(?![^.;]{0,40}\b(?:lawmakers|MPs|legislators|unions?|party)\b))"
    # "its delegation would be in Istanbul for direct talks with Y on Thursday"
    r"|be\s+in\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s+for\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|consultations|meeting|round)\b"
    # "said it would send a delegation to X for talks"
    r"|send\s+(?:(?:a|an|its|their|the)\s+)?(?:\w+\s+){0,2}?(?:delegations?|negotiators|envoys?)\b"
    r"(?![^.;]{0,60}\b(?:if|unless)\b)(?![^.;]{0,80}\b(?:funeral|inauguration|ceremony|swearing-in|coronation)\b))"
    # "have announced talks with Y", "announced a summit": the decision weighs the rest
    r"|\bannounced\s+(?:\w+\s+){0,2}?(?:talks|negotiations|a\s+meeting|a\s+summit)\b",
    _I,
)
# "the talks would open in X", not "the border would open" (searched only where "would open" is)
TALKS_WOULD_OPEN = compile_skipping(
    r"\b(?:talks|negotiations|round|summit|meeting|conference|dialogue|session|consultations|cycle)\s+(?:\w+\s+){0,5}?"
    rf"would\s+{_OPENS}\b(?![^.;]{{0,40}}\b(?:if|unless|once|when)\b)",
    _I,
)
# ... said of people who negotiate, not of teams ("England and Germany meet in Munich on Saturday")
PRESENT_PLAN_WHO = compile_skipping(
    r"\b(?:talks|negotiations|round|summit|meeting|consultations|dialogue|leaders|presidents|ministers|"
    r"delegations|negotiators|envoys|officials|diplomats|heads\s+of\s+state|prime\s+ministers|chancellor|"
    r"counterparts?|president|minister|mediator|mediation|(?:working\s+)?group|committee|commission)\b",
    _I,
)
# The present tense of a meeting with a day ahead: "P and Q meet in X on Friday", "talks kick off on
# Monday" (the decision weighs it)
PRESENT_PLAN = compile_skipping(
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)(?<!\bmay\s)(?<!\bdid\s)(?<!\bdo\s)"
    r"\b(?:meet|meets|kicks?\s+off|reconvenes?|resumes?|convenes|gets?\s+under\s?way|"
    # "... when the two leaders sit down again with the envoy in X on March 3"
    r"sits?\s+down(?=\s+(?:again|together|with|in|at)\b)|"
    # "the joint commission opens on Wednesday in X" (a day ahead)
    r"(?<=\s)open(?=\s+on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|"
    r"opens(?=\s+on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)|"
    r"returns?\s+to\s+(?-i:[A-Z])\w*\s+(?:on\s+\w+\s+)?for)\b",
    _I,
)
# A formal invitation to talks; with a day still ahead it is an announcement (the corpus convention).
INVITED = compile_skipping(
    # "the mediator has invited the parties back to Nairobi on August 12": back to the table
    r"\binvit(?:ed|es|ing)\s+(?:the\s+|both\s+)?(?:parties|sides|delegations)\s+back\s+to\s+(?-i:[A-Z])|"
    # "invited the negotiators of A and B to Brussels on May 12 for a meeting"
    # "invited the ministers of A and B to the bloc's headquarters next week to discuss the incidents"
    r"\binvit(?:ed|es|ing)\s+[^.;]{0,200}?\bto\s+[^.;]{0,80}?\bto\s+(?:discuss|negotiate|hold\s+talks)\b|"
    # ("... to the Elysee Palace in Paris on Monday for talks")
    r"\binvit(?:ed|es|ing)\s+[^.;]{0,200}?\bto\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*"
    r"(?:,?\s+in\s+(?-i:[A-Z])[\w'’-]*)?\s+(?:on|from|next|this)\s+[^.;]{1,30}?"
    r"\bfor\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:talks|meeting|summit|negotiations|round)\b|"
    # (... "to an enlarged informal meeting", 'invitation to "a five-day session from 14 to 18 July"')
    # "the US has invited A and B to participate in ceasefire talks starting on Aug. 14": the convener's
    # invitation (not "X has been invited to participate ..., though it is uncertain whether X will accept")
    r"(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bnot\s)(?<!\bnever\s)(?<!n't\s)(?<!n’t\s)"
    r"\binvit(?:ed|es|ing)\s+[^.;]{0,200}?\bto\s+(?:participate|take\s+part)\s+in\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:talks|meeting|summit|negotiations|round|session)\b(?![^.;]*\b(?:uncertain|unclear|whether)\b)|"
    r"\binvit(?:ed|es|ing|ation)\s+[^.;]{0,200}?\bto\s+[\"“]?(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?|(?:[\w-]+\s+)?)(?:[\"“'‘][\w-]+[\"”'’]\s+)?"
    r"(?:talks|meeting|summit|"
    r"negotiations|conference|round|session)\b"
    # "the envoy has invited both delegations to Muscat on Sunday"
    r"|\b(?<!\bhad\s)invit(?:ed|es)\s+(?:both|the\s+two)\s+(?:delegations|sides|parties|leaders)\s+to\s+(?-i:[A-Z])"
    # "the foreign ministers of A and B have been invited to meet at Jeddah on March 20"
    r"|\b(?:ministers|leaders|presidents|delegations|negotiators|envoys|representatives)\b[^.;]{0,80}?\b(?:have|has|had|were|was)\s+"
    r"been\s+invited\s+to\s+(?:meet|hold\s+talks)\s+(?:in|at)\s+"
    # "has invited the foreign ministers of A and B to meet at UN headquarters on Wednesday"
    r"|\binvit(?:ed|es|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:ministers|leaders|presidents|delegations|negotiators|envoys|"
    r"representatives|heads)\b[^.;]{0,120}?\bto\s+(?:meet|hold\s+talks)\s+(?:in|at)\s+"
    # "invited the delegations of A and B to resume the negotiations on Wednesday evening", "have formally
    # invited A and B to resume direct negotiations on Saturday"
    r"|\binvit(?:ed|es|ing)\s+[^.;]{0,160}?\bto\s+(?:resume|return\s+to|restart)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:talks|negotiations|dialogue|table)\b",
    _I,
)
# "has sent invitations to the two panels for a formal round in Oslo": a stated place is enough
INVITED_TO_PLACE = compile_skipping(
    r"\binvit(?:ed|es|ing|ations?)\s+[^.;]{0,200}?\b(?:for|to)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:talks|meeting|summit|negotiations|round(?:[\s-]?table)?)(?:\s+of\s+(?:[\w-]+\s+){0,1}?(?:ministers|leaders))?"
    # ("... for a meeting in the capital Cairo")
    r"\s+(?:in|at)\s+(?:the\s+(?:[\w-]+\s+)?capital,?\s+)?(?-i:[A-Z])",
    _I,
)
REFUSED = compile_skipping(r"\b(?:reject\w*|declin\w*|turned\s+down|refus\w*|dismiss\w*|snubb?\w*)\b", _I)
PROPOSED = compile_skipping(
    r"\b(?:call(?:s|ed|ing)?\s+(?:for|on)|urg(?:e|es|ed|ing)|propos(?:e|es|ed|al|ing)|offer(?:s|ed|ing)?\s+to|"
    r"ready\s+to|readiness|willing(?:ness)?|prepared\s+to|open\s+to|invit(?:e|es|ed|ation)|appeal(?:s|ed)?|"
    r"push(?:es|ed|ing)?\s+for|seek(?:s|ing)?|hopes?\s+to|(?:(?:would|['’]d)\s+(?:like|love)|wants?)\s+to\s+(?:meet|hold\s+talks|sit\s+down)\b|could\s+(?:meet|hold|travel|visit|fly|go)|may\s+(?:meet|hold)|might|"
    # "urged them to return to the negotiating table" (not "they will return to ...": a plan)
    # "does not rule out a meeting", "whether a meeting will take place": speculation
    r"(?:not|n['’]t|never)\s+rul(?:e|es|ed|ing)\s+out|whether\s+(?:[\w-]+\s+){0,6}?(?:will|would)|"
    r"possible|potential|(?<!\bwill\s)(?<!\bshall\s)(?:return|come|get\s+back)\s+to\s+the\s+negotiating\s+table)\b",
    _I,
)
HELD = compile_skipping(
    r"\b(?:held|met|took\s+place|concluded|ended|(?<!will\s)(?<!be\s)adjourn(?:ed|s)?|wrapped\s+up|broke\s+down|collapsed|stalled|failed|resumed|"
    r"began|started|opened|kicked\s+off|under\s?way|ongoing|is\s+being\s+held|are\s+being\s+held|halted|"
    r"(?:have|has|had)\s+(?:been|held|met)|(?<!be\s)discussed|agreed|spoke|"
    # "closed their second cycle of negotiations"
    r"closed\s+(?:their|the|its)\s+(?:[\w-]+\s+){0,2}?(?:round|cycle|session))\b",
    _I,
)
NON_DIPLOMATIC = compile_skipping(
    # (not "the energy union", "a customs union": unions of states)
    r"\b(?:contract|wages?|salar(?:y|ies)|labou?r|(?<!energy\s)(?<!customs\s)(?<!monetary\s)(?<!economic\s)"
    r"(?<!banking\s)(?<!political\s)unions?(?!\s+with\b)|unionised|unionized|workers|bargaining|clubs?|"
    # a player's transfer (not "the transfer of power", "a transfer of funds")
    r"transfers?(?=\s+(?:fees?|window|market|talks|deal|bid|target|saga|request|ban|negotiations))|"
    r"strikers?|midfielders?|footballers?|players?|coach(?:es)?|merger|acquisition|shareholders?|takeover|buyout|CEO|"
    r"company|companies|consorti(?:um|a)|(?-i:Industries|Corporation|Holdings|PLC|plc|Ltd|Inc)|(?<!at\s)stakes?(?=\s+(?:talks|in|sale|deal|of))|refiner(?:y|ies|s)?|valuation|"
    r"conglomerate|(?:chemicals?|steel|car|chip|drug)\s*makers?|(?<!hopes\s)(?<!stand\s)(?<!stood\s)(?<!remains\s)(?<!remained\s)firm(?!\s*$)|franchise|season|league|agent|studio|automaker|employees|investors?|exhibitors|buyers|distributors|exporters|B2B|joint\s+venture|royalt(?:y|ies)|commodities|"
    r"oral\s+(?:arguments|hearings|pleadings)|hearings|pleadings|the\s+court|"
    r"(?:copper|gold|lithium|iron[\s-]ore|coal|nickel|cobalt)\s+mines?|mining\s+(?:company|companies|firm|contract|giant|group)|"
    # an election's observers and its commission
    r"(?i:election\s+observ\w+|observation\s+mission|electoral\s+commission)|"
    r"business-to-business|trade\s+fair|academic|symposium|colloquium|lectures?|seminars?|webinars?|book\s+launch|(?:give|deliver)s?\s+(?:a\s+)?talk|(?:investment|business)\s+forum|UEFA|FIFA|ICC|Asia\s+Cup|Cup\s+of\s+Nations|AFCON|Olympics?|matches|cricket|tournaments?|squads?|fixtures?|World\s+Cup)\b"
)
# Who meets, when it is not states: "Chile, Peru football federations to meet", "the two chambers of
# commerce will meet", "researchers and NGOs will gather" (the words as the subject of the meeting
# verb, not in passing: "airlines halt flights as P and Q agree to talks" stays diplomatic)
_MEETS_TAIL = (
    # "the X Football Association (XFA) said on Thursday it would hold talks with ...": its own talks
    r"(?:(?:\s+\([A-Z]{2,6}\))?\s+(?:said|says|announced)(?:\s+on\s+\w+)?\s+(?:that\s+)?(?:it|they)\s+"
    r"(?:would|will)\s+(?:meet|hold|resume)\b|"
    # "P's cricket board and its Q counterpart will hold talks", "... union and the ministry will hold talks"
    r"(?:[\s,]+(?!and\s+(?!its\b|their\b|(?:the\s+)?(?:federal\s+|national\s+|central\s+)?(?:government|ministry|management|employers)\b)(?-i:[a-z]))"
    r"(?!(?:with|by|as|while|after|amid|when|but|since|said|says|say|told|urged|warned|welcomed|hopes?|"
    r"hoped|expects?|expected|believes?|fear|fears|called|demanded)\b)[^\s,.;:]+){0,9}?[\s,]+"
    r"(?:will|would|to|are\s+to|(?:are\s+)?(?:set|due|expected|scheduled)\s+to)\s+(?:meet|hold|resume|gather|convene|sit\s+down|discuss|"
    r"negotiate)\b"
    # not "will hold a strike", "to hold protests"
    r"(?!\s+(?:a\s+|an\s+|their\s+|its\s+)?(?:[\w-]+\s+)?(?:strikes?|protests?|walkouts?|rall(?:y|ies)|"
    r"demonstrations?|marche?s?|vigils?|sit-ins?|stoppages?)\b))"
)
NON_DIPLOMATIC_ACTORS = compile_skipping(
    r"\b(?:board\s+(?:officials|chiefs|heads)|(?:football|soccer|cricket|sports?|olympic|athletics|chess|rugby|tennis)\s+(?:federations?|boards?|bodies|"
    r"associations?|clubs?|chiefs|officials)|business\s+(?:chambers?|groups|associations?)|"
    # business people as the ones who meet (not "accompanied by business leaders")
    r"(?<!by\s)(?<!with\s)(?:business\s+(?:leaders|executives|people)|(?:chief\s+)?executives|CEOs)|"
    r"chambers?\s+of\s+commerce|airlines?|researchers|academics|scholars|activists|NGOs|"
    r"non-governmental\s+organi[sz]ations|think[- ]tanks?|civil\s+society\s+(?:groups|organi[sz]ations|activists)|"
    r"(?:trade|transport|labou?r|teachers?['’]?|workers?['’]?|dockworkers?['’]?|farmers?['’]?|taxi|truckers?['’]?|dockers?['’]?|miners?['’]?|"
    r"doctors?['’]?|nurses?['’]?|pilots?['’]?|drivers?['’]?|students?['’]?|controllers?['’]?|"
    # ("the Kenya Medical Practitioners, Pharmacists and Dentists Union (KMPDU) will meet the minister")
    r"dentists['’]?|pharmacists['’]?|practitioners['’]?|physicians['’]?|journalists['’]?|lecturers['’]?|employees['’]?|"
    r"civil\s+servants['’]?)\s+unions?|"
    r"labou?r\s+congress|trades?\s+unions?\s+congress|"
    # a central bank's own rate meeting
    r"monetary\s+policy\s+committee|rate-setting\s+(?:committee|panel|board)|central\s+bank['’]?s?(?:\s+board)?)"
    + _MEETS_TAIL
    # "has invited holders of its two dollar bonds to talks on Tuesday": a debtor and its creditors
    + r"|\bholders\s+of\s+(?:its|the|their)\s+(?:[\w$-]+\s+){0,3}?(?:bonds|notes|eurobonds|debt|securities)\s+to\s+"
    r"(?:talks|negotiations|a\s+meeting)\b"
    # "India and Pakistan will meet in Dubai on Sunday in their first cricket encounter": a match
    # (not "will meet ... on the sidelines of the cricket match": a meeting beside a match)
     + r"|\b(?:will|to|would)\s+(?:meet|face|play)\b[^.;]{0,40}?\bin\s+(?:their|a|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:cricket|football|soccer|rugby|hockey|tennis|chess|basketball|volleyball)\s+"
    r"(?:encounter|match|game|fixture|clash|final|tie|showdown)\b"
    # a law's final round between a parliament and its council ("trilogue"), not talks between states
    + r"|\binterinstitutional\s+(?:talks|negotiations)\b|\(\s*[\"“]?trilogue[\"”]?\s*\)"
    # a government formed at home: "the informateur overseeing the talks", "the president's consultations
    # with the parliamentary groups"
    + r"|\b(?:informateur|formateur)\b|\b(?:consultations|talks)\s+with\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:parliamentary\s+(?:groups|parties|factions)|political\s+parties|party\s+leaders)\b"
    # labour's own bodies as a side: "talks between the government and organised labour"
     + r"|\b(?:talks|negotiations|dialogue|meeting)\s+between\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:and|with)\s+"
    r"(?:the\s+)?(?:organi[sz]ed\s+labou?r|labou?r\s+(?:unions?|congress|centres?|centers?)|(?:trade\s+)?unions)\b",
    _I,
)
# ... and, in a headline or a lead only (elsewhere they are often a story's background), working
# people in a dispute and learned bodies: "air traffic controllers and ministry to hold talks"
LEAD_ACTORS = compile_skipping(
    r"\b(?:(?:air\s+traffic\s+)?controllers|dockworkers|truckers|employers|academies|academy\s+of\s+sciences|"
    r"lecturers|teachers|nurses|doctors|pilots|miners|consortium|consortia|"
    # "marine insurers and shipowners will meet in London", "150 companies will take part in B2B talks"
    r"(?:marine\s+)?insurers|shipowners|underwriters|bondholders|noteholders|(?-i:[A-Z])\w+\s+(?:Airways|Airlines)|"
    # a coalition's scout or informateur meeting party leaders at home
    r"(?:coalition\s+)?(?:scout|informateur|formateur)|"
    r"(?:commodities|oil|grain|metals)\s+traders?)"
    + _MEETS_TAIL
    # a government being formed at home: "coalition talks", "investiture talks", "negotiations on forming a
    # new government"
    + r"|\b(?:coalition|investiture|cross-party)\s+(?:talks|negotiations|negotiators)\b"
    # "to break coalition deadlock", "a coalition deal"
    r"|\bcoalition\s+(?:deadlock|impasse|deal|agreement|crisis|government|partners?)\b|\b(?:talks|negotiations)\s+(?:[\w-]+\s+){0,6}?(?:on|to|about)\s+form(?:ing)?\s+(?:a\s+)?(?:new\s+)?"
    r"(?:[\w-]+\s+){0,2}?government\b|\bgovernment[- ]formation\b"
    # sport's governing bodies by name: "officials of the P Cricket Board and the Q board will meet"
     + r"|\b(?:cricket|football|soccer|rugby|hockey|athletics|basketball|chess)\s+(?:board|federation|"
    r"association|council|committee|confederation)\b|\bboard\s+of\s+control\s+for\s+cricket\b"
    # a state's government meeting a firm named by its trade: "X's government and diamond miner Y will begin
    # a new round of negotiations"
     + r"|\b(?:government|ministry|authorities)\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:miner|oil\s+major|"
    r"(?:mining|oil|gas|energy|telecoms?|tech|shipping|tobacco|drug|car)\s+(?:company|giant|firm|group|maker)|"
    r"firm|company)\s+(?-i:[A-Z])"
    # a state's lenders as its counterpart: "an IMF staff mission will begin talks with the authorities",
    # "talks with the World Bank on a loan", "will meet a committee of holders of the country's bond"
    + r"|\b(?:talks|negotiations|discussions)\s+with\s+(?:the\s+)?(?:IMF|International\s+Monetary\s+Fund|World\s+Bank|"
    r"(?:[\w-]+\s+)?(?:lenders|creditors|bondholders))\b"
    r"|\b(?:IMF|International\s+Monetary\s+Fund)\s+(?:staff\s+)?(?:mission|team)\b"
    r"|\b(?:committee\s+of\s+(?:the\s+)?(?:holders|bondholders|creditors)|bondholder\s+committee|creditor\s+committee)\b"
    # a headline filed under a strike: "Lecturers' strike: government, union to resume talks"
    + r"|^[^:\n]{0,40}\bstrike\s*:"
    # talks whose purpose is to end a strike
    + r"|\b(?:talks|negotiations|meeting|dialogue)\b[^.;]{0,100}?\b(?:to\s+end|to\s+avert|to\s+resolve|over)\s+"
    r"(?:a|the|an|their|its)\s+(?:[\w-]+\s+){0,3}?(?:strike|walkout|pay\s+dispute|wage\s+dispute|industrial\s+action)\b"
    # labour's own bodies opening the lead, or as the government's counterpart
    + r"|(?:^\W*|\b(?:government|ministry|authorities)\s+and\s+)(?:the\s+)?(?:leadership\s+of\s+(?:the\s+)?)?(?:[A-Z]\w+\s+)?"
    r"(?:organi[sz]ed\s+labou?r|labou?r\s+(?:congress|centres?|centers?|federation)|trade\s+union\s+(?:congress|federation)|"
    r"federation\s+of\s+(?:trade\s+)?unions)\b"
    # a firm named by its trade as one who meets: "representatives of oil group X and Y will meet next week"
    + r"|\b(?:oil|gas|energy|mining|power|port|shipping|steel|chemicals?|telecoms?|tech|arms|defen[cs]e|drug|car|"
    r"construction|engineering|utility|aviation|logistics|grain|food)\s+(?:group|company|firm|giant|major|producer|maker|"
    r"operator|conglomerate|contractor|supplier)\s+(?-i:[A-Z])[\w&.'’-]*" + _MEETS_TAIL,
    _I,
)
DIPLOMATIC = compile_skipping(
    r"\b(?:minister|president|government|foreign|ministry|diplomat\w*|peace|ceasefire|truce|war|military|"
    r"nuclear|sanctions|envoy|kremlin|officials?|delegations?|conflict|rebels?|armed|troops|treaty|"
    r"premier|chancellor|embassy|bilateral|state\s+department|prisoners?|united\s+nations|"
    r"special\s+representative|security\s+council|nato|negotiators?|trade\s+representative|vice\s+premier|"
    r"tariffs?)\b"
)  # matched against lower-cased text
STATED_FORMAT = compile_skipping(
    r"\b(bilateral|trilateral|tripartite|three-way|multilateral|quadrilateral|four-way|six-party)\b", _I
)
ROUND = compile_skipping(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|new|latest|final|"
    r"\d+(?:st|nd|rd|th))\s+round\b",
    _I,
)
SPEECH_BEFORE = compile_skipping(
    r"(?<![-–])\b(?:said|says|told|announced|confirmed|stated|added|reported|tweeted|quoted|cited|declared|posted|informed|proposed|suggested|"
    # "in a statement dated March 17 and released on Wednesday"
    r"released|issued|"
    # (not "announced that it will host on Sunday": the plan's own day)
    r"briefing|statement)\b(?:(?!\b(?:will|would|shall|to)\b)[\w\s,]){0,25}$"
    # "told reporters at the Secretariat on Tuesday"
    r"|\btold\s+(?:reporters|journalists|the\s+press)\b(?:(?!\b(?:will|would|shall|to|for)\b)[\w\s,]){0,40}$"
    # "Speaking to reporters on the sidelines of cabinet meeting on Tuesday"
    r"|\b(?:speaking|spoke|talking)\s+(?:to|with)\s+(?:reporters|journalists|the\s+press|state\s+(?:TV|television|media))\b"
    r"(?:(?!\b(?:will|would|shall|for)\b)[\w\s,]){0,60}$"
    # "according to a press release issued by the Foreign Office here on Tuesday"
    r"|\b(?:release|statement|readout|communiqu[eé])\s+(?:was\s+)?(?:issued|released|published|read\s+out|signed)\b"
    r"(?:(?!\b(?:said|says|will|would|to)\b)[\w\s,]){0,45}$",
    _I,
)
# "according to statements from both sides and a readout from the ministry on Wednesday": the day of
# the sources (read over a longer stretch than SPEECH_BEFORE)
ACCORDING_TO_BEFORE = compile_skipping(
    r"\baccording\s+to\b(?:(?!\b(?:will|would|shall|to|for|meet|talks)\b)[^.;:]){0,110}$", _I
)
SPEAKER_AFTER = compile_skipping(
    r"^(?:['’]s)?(?:\s+[\w-]+){0,4}?(?:\s+and(?:\s+[\w-]+){1,5}?)?\s+(?:has\s+|have\s+|had\s+|also\s+)?"
    r"(?:said|says|say|confirmed|announced|told|stated|reported|tweeted|quoted|cited|insists?|stressed)\b"
)
LOCATIVE_BEFORE = compile_skipping(
    # (not "children taken to X", "grain exported to Y": where people or goods went)
    r"\b(?:[Ii]n|[Aa]t|(?<!taken\s)(?<!deported\s)(?<!abducted\s)(?<!kidnapped\s)(?<!exported\s)(?<!shipped\s)"
    r"(?<!smuggled\s)(?<!trafficked\s)to|inside|near|outside|for\s+talks\s+in|(?:planned|scheduled|slated)\s+for|venue\s+(?:of|in)?|[Vv]isit(?:s|ing)?|(?:departs?|departed|leaves?|left|"
    r"heads?|headed|flew|flies|set\s+off)\s+for)\s+(?:the\s+|neutral\s+)?(?:[A-Z]\w+\s+)?"
    r"(?:(?:capital|city|resort|town|village|island)\s+(?:of\s+)?)?$"
    # "in the northern city of X", "on the Pacific island of Y", "at the truce village of Z"
    r"|\b(?:[Ii]n|[Aa]t|to|on)\s+the\s+(?:[\w-]+\s+){0,3}?(?:capital|city|resort|town|village|island|port|municipality)\s+of\s+$"
    # "at Hyderabad House, New Delhi", "at the Serena Hotel, Kampala"
    r"|\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:House|Palace|Hall|Cent(?:re|er)|Hotel|Building|Headquarters|Complex),\s+$"
)
# "northern", "south-east": a region of the country named next
_DIRECTION = r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
# "talks will resume on Friday in northern X": a region of a country, only right after the talks word
REGION_VENUE_BEFORE = compile_skipping(
    r"\b(?:talks|negotiations|meet(?:s|ing)?|summit|round|held|hold|resume|convene|host(?:s|ed)?)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:in|to)\s+{_DIRECTION}\s+$",
    _I,
)
CITY_OF_BEFORE = compile_skipping(
    r"\b(?:capital|city|town|village|resort|port|island|municipality)\s+(?:city\s+)?of\s+$", _I
)
# "X will host the next round of tripartite negotiations with A and B": the host sits at the table
HOST_SIDE_AFTER = compile_skipping(
    r"(?:['’]s)?\s+(?:will|would|is\s+to|is\s+set\s+to|to)\s+host\s+(?:[\w-]+\s+){0,6}?"
    r"(?:(?P<fmt>tripartite|trilateral|three-way|quadrilateral|four-way|four-nation|four-party)\s+)?"
    r"(?:talks|negotiations|consultations|contacts|(?P<summit>summit))\s+with\b",
    _I,
)
# "Indonesia will host Malaysia's prime minister in Jakarta on Monday for the annual consultation": a host
# receiving one state's leader meets that leader
HOST_GUEST_AFTER = compile_skipping(
    r"(?:['’]s)?\s+(?:will|would|is\s+to|is\s+set\s+to|to)\s+(?:host|receive|welcome)\s+(?:the\s+)?"
    r"(?P<guest>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)*)\s+(?:(?:new|visiting)\s+)?"
    r"(?:president|prime\s+minister|premier|chancellor|king|emir|crown\s+prince|foreign\s+minister|leader)\b"
    r"(?=[^.;]{0,80}?\b(?:for|to\s+(?:hold|discuss))\b)",
    _I,
)
# "Japan will host the foreign ministers of A and B ... for the first three-way meeting": a host of
# two guests at a meeting of three sits at it (of three guests at a meeting of four...)
HOST_OF_N_AFTER = compile_skipping(
    r"(?:['’]s)?\s+(?:will|would|is\s+to|is\s+set\s+to|to)\s+host\b[^.;]{0,160}?\b"
    r"(?:(?P<three>three-way|trilateral|tripartite|three-nation|three-country)|"
    r"(?P<four>four-way|quadrilateral|quadripartite|four-nation|four-country)|"
    r"(?P<five>five-way|five-nation|five-country))\b",
    _I,
)
# "the leaders of the X and Y communities": a side's people, where "of" would otherwise open a topic
MEMBERS_OF_BEFORE = compile_skipping(
    r"\b(?:leaders|heads|presidents|(?:foreign\s+|defen[cs]e\s+)?ministers|delegations|(?:special\s+)?envoys|representatives|negotiators|"
    # "the foreign minister of X will hold a meeting with his counterparts from A and B"
    r"(?:foreign\s+|defen[cs]e\s+|prime\s+)?minister|president|delegation|"
    # "the ministers of Foreign Affairs of A, B and C"
    r"ministers\s+(?:of|for)\s+(?:foreign\s+affairs|external\s+relations|defen[cs]e|the\s+interior|[a-z]+)|"
    # "the trinational commission of A, B and C": a joint body of the sides
    r"(?:joint|bilateral|binational|bi-national|trinational|tri-national|tripartite|trilateral|mixed|boundary|border)"
    r"\s+(?:[\w-]+\s+)?(?:commission|committee|mechanism))\s+(?:of|from)\s+(?:the\s+)?$",
    _I,
)
# "a four-nation meeting on Afghanistan", "talks about the situation in Libya": the state is the subject
TALKS_ON_BEFORE = compile_skipping(
    r"\b(?:talks|meetings?|summit|conference|consultations|negotiations|dialogue)\s+(?:on|about)\s+(?:the\s+)?"
    r"(?:(?:situation|crisis|war|conflict)\s+in\s+|future\s+of\s+)?$",
    _I,
)
# "will hold talks with his counterpart in X on Friday on Gaza, Sudan and ...": the subjects, named after
# "on" later in the talks' own clause (not "meet on the Thai side of the border")
TALKS_LATER_ON_BEFORE = compile_skipping(
    r"\b(?:talks|meetings?|summit|consultations|negotiations|dialogue)\b[^.;:]{0,100}?\s"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|tomorrow|(?:next|this)\s+week|in\s+(?-i:[A-Z])[\w'’-]+)"
    r"\s+(?:on|about)\s+$",
    _I,
)
# "dedicated to the plan for the neutralisation of the FDLR": the group the talks would act against
ACTED_ON_BEFORE = compile_skipping(
    r"\b(?:neutrali[sz]ation|disarm(?:ament|ing)|demobili[sz]ation|dismantl(?:ement|ing)|eradication|expulsion|"
    r"repatriation|withdrawal)\s+of\s+(?:the\s+)?(?:(?:remaining|armed|rebel)\s+)?$"
    # "the coordination against al-Shabaab", "the joint fight against X": the target, not a side
    # (not "ending the war against X": a war's enemy is a side of the talks that end it)
    r"|\b(?:fight|coordination|cooperation|campaign|operations?|offensive|strikes?|attacks?|action)\s+"
    r"(?:\w+\s+)?against\s+(?:the\s+)?$",
    _I,
)
TOPIC_BEFORE = compile_skipping(
    r"\b(?:war|conflict|crisis|fighting|situation|peace|violence|clashes|invasion|settlement|occupation|"
    r"tensions?|unrest|hostilities|instability|insecurity|"
    r"ending|end|over|about|on|discuss|regarding|concerning|against|of)[\"”’']?\s+(?:the\s+)?(?:\w+\s+){0,1}"
    rf"(?:{_DIRECTION}\s+)?$"
    # a state in a list of subjects after common nouns: "to discuss bilateral relations, North Korea and ..."
    r"|\b(?:to\s+discuss|discussing|to\s+focus\s+on|will\s+focus\s+on)\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}(?-i:[a-z])[\w-]*,\s+(?:and\s+)?$",
    _I,
)
# "ending the war in X": X is where the fighting is, never a side by itself ("the war between A
# and B" is read by the sentence rules, "A's war with B" names B)
WAR_IN_BEFORE = compile_skipping(
    r"\b(?:wars?|conflicts?|fighting|violence|crisis|insurgency|civil\s+war)\s+in\s+(?:the\s+)?(?:[a-z]+ern\s+)?$",
    _I,
)
# "talks on a ceasefire and hostage release deal in X": what the talks are about, not where
DEAL_IN_BEFORE = compile_skipping(
    r"\b(?:ceasefire|truce|deal|hostages?|release|war|fighting|conflict|crisis|aid)\s+in\s+(?:the\s+)?$", _I
)
# "the minister arrives in X on Thursday for two days of talks": a journey for talks on a day ahead
TRAVELS_FOR_TALKS = compile_skipping(
    r"\b(?:arrives?|travels?|heads|flies|departs?|leaves|returns?)\s+(?:for|to|in)\s+"
    # (a named place may be followed by an aside: 'to Washington "pasado manana" - the day after tomorrow - ...')
    r"(?:(?:[\w'’-]+\s+){0,6}?|(?:the\s+)?(?-i:[A-Z])[^.;?!]{0,120}?\s)"
    r"(?:for|to\s+(?:hold|attend)|ahead\s+of)\s+(?:[\w-]+\s+){0,4}?(?:talks|negotiations|meetings?|summit|consultations)\b",
    _I,
)
# "the delegations arrive in X on Sunday": the day of a journey, before the talks' own day
JOURNEY_DAY_BEFORE = compile_skipping(
    r"\b(?:arriv(?:es?|ing|ed)|travel(?:s|ling|led)?|fl(?:y|ies|ying|ew)|depart(?:s|ing|ed)?|land(?:s|ing|ed)?)\s+(?:in|to|for)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:on\s+)?$"
    # "started arriving in this lakeside town on Monday ahead of the session ... on Thursday"
    r"|\barriv(?:es?|ing)\s+in\s+(?:this|the)\s+(?:[\w-]+\s+)?(?:city|town|capital|port|resort)\s+(?:on\s+)?$"
    # "would arrive on Wednesday night and sit down with their counterparts on Thursday"
    r"|\b(?:arriv(?:e|es|ing)|depart(?:s|ing)?|leav(?:e|es|ing))\s+(?:on\s+)?$"
)
TALKS_DAY_BEFORE = compile_skipping(
    # "... for a meeting of the Joint Supervisory Body with the National Government on Tuesday"
    # "... the session of the Joint Commission (JC) between the two countries, which will open on Thursday"
    # (not "talks with Q's officials, and will return to X on Friday": a later trip's day)
    r"\b(?:talks|negotiations|meetings?|summit|round|consultations|sit\s+down|session)\s+"
    r"(?:(?!(?:return|leav|travel|fl[iy]|head|depart)\w*\b)[\w(),-]+\s+){0,15}?"
    r"(?:on|starting|from)\s+$",
    _I,
)
# "the two sides will meet on Friday": sides named elsewhere (the headline, an earlier sentence)
# A standing organ's own sitting is no talks between sides: "the Security Council will hold closed
# consultations on X", "the General Assembly opens on Wednesday" (not "A and B will meet on the
# sidelines of the General Assembly")
ORGAN_SITS = compile_skipping(
    r"(?:\b(?:Security|Human\s+Rights|Permanent|Peace\s+and\s+Security)\s+Council|\bGeneral\s+Assembly|"
    r"\bBoard\s+of\s+Governors)"
    r"(?:['’]s)?\s+(?:(?:will|would|is\s+(?:due|set|expected|scheduled)\s+to|to)\s+(?:\w+\s+)?"
    r"(?:hold|meet|convene|open|discuss|begin|start)|opens|convenes|meets)\b"
    # "the Council's sanctions committee on X is due to meet in May": a standing committee's sitting
    r"|\b(?:Council|Assembly)['’]s\s+(?:[\w-]+\s+){0,2}?committee\b(?:\s+on\s+[\w\s]{1,30}?)?\s+"
    r"(?:is\s+(?:due|set|expected|scheduled)\s+to|will|to)\s+(?:\w+\s+)?(?:meet|convene|hold)\b"
    # "ministers will meet for their regular monthly Foreign Affairs Council"
    r"|\b(?:regular|routine|monthly)\s+(?:monthly\s+)?(?:Foreign\s+Affairs\s+Council|(?:council|board)\s+(?:meeting|session|sitting))\b"
    # "the commission will meet again next Thursday, as it does every week": a standing body's sitting
    r"|\bas\s+it\s+does\s+every\s+(?:week|month|fortnight|monday|tuesday|wednesday|thursday|friday)\b"
    # "security officials are expected to hold a routine flag meeting at the border"
    r"|\broutine\s+(?:flag|border|monthly|weekly|coordination)\s+meetings?\b"
    # "members will then move to closed consultations, the format in which the council discusses ..."
    r"|\b(?:closed|informal)\s+consultations\b(?=[^.;]{0,100}\bcouncil\b)"
    r"|\bcouncil\b[^.;]{0,60}?\b(?:closed|informal)\s+consultations\b"
    # "the Senate foreign relations committee will hold a hearing on the talks": lawmakers, not the sides
    # a parliament's own sitting: "the National Assembly of X will hold a special session on Thursday"
    r"|\b(?:National\s+Assembly|[Pp]arliament|Congress|Senate|Duma|Knesset|Majlis|Bundestag|Sejm|Verkhovna\s+Rada|"
    r"legislature|lawmakers|MPs)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s+"
    r"(?:will|is\s+(?:due|set|expected|scheduled)\s+to|to)\s+(?:hold|convene|open)\s+(?:a|an|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:session|sitting|debate|vote|hearing)\b"
    # a government's own sitting: "the prime minister will convene the security cabinet on Sunday", "the
    # National Security Committee will meet today with the prime minister in the chair"
    r"|\b(?:convene|convenes|convening|chair|chairs|chairing)\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:cabinet|National\s+Security\s+(?:Council|Committee))\b"
    r"|\b(?:security|war|full|federal)\s+cabinet\s+(?:will|is\s+(?:due|set|expected|scheduled)\s+to|to)\s+(?:\w+\s+)?(?:meet|convene)\b"
    r"|\bNational\s+Security\s+(?:Council|Committee)(?:\s+\([A-Z]+\))?(?:\s*,[^,.;]{0,100},)?\s+"
    r"(?:will|is\s+(?:due|set|expected|scheduled)\s+to|to)\s+(?:\w+\s+)?(?:meet|convene)\b"
    r"|\b(?:Senate|House|parliamentary|congressional|Assembly|Duma|Majlis|Knesset|Bundestag|Commons|Lords)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:committee|panel)\s+(?:will|is\s+(?:due|set|expected|scheduled)\s+to|to)\s+(?:\w+\s+)?(?:hold|open|convene)\s+"
    r"(?:a|an|its)\s+(?:[\w-]+\s+)?(?:hearing|inquiry|session)\b",
    _I,
)
# a mention opening on the story's own round: "The fourth round, ...", "Their meeting ...", "The next round of"
OUR_ROUND = compile_skipping(
    r"\s*(?:the\s+(?:next|new|\w+th|first|second|third|latest)\s+(?:round|session|meeting)|"
    r"(?:their|the\s+two\s+(?:\w+\s+)?\w+['’]?s?)\s+(?:next\s+)?(?:meeting|talks|round|summit))\b",
    _I,
)
SIDES_ANAPHOR = compile_skipping(
    r"\b(?:the\s+two|both)\s+(?:sides|countries|nations|neighbou?rs|governments|leaders|delegations|parties|"
    r"communities|(?:deputy\s+|vice\s+)?(?:foreign\s+|defen[cs]e\s+|prime\s+)?(?:ministers|ministries)|presidents|heads\s+of\s+state|"
    r"chief\s+negotiators)\b"
    # "the Andean neighbours", "the nuclear-armed neighbours" (not "the three neighbours", "the neighbours of X")
    r"|\bthe\s+(?:two\s+)?(?!(?:three|four|five|six|other|many|several|new|regional)\b)[\w-]+\s+neighbou?rs\b(?!\s+of\b)"
    r"|\b(?:envoys|representatives|delegations|negotiators|delegates)\s+(?:of|from)\s+both\b"
    r"|\bthe\s+(?:delegations|teams|negotiating\s+teams)\s+(?:would|will|are\s+(?:to|due\s+to|set\s+to))\s+(?:meet|hold|resume)\b",
    _I,
)
# ... as the subject that opens the plan's sentence ("The two ministers will meet in X on Wednesday, the
# mediator's office said"): whoever else the sentence names speaks or brokers
SIDES_ANAPHOR_OPENS = compile_skipping(
    r"^\W*(?:according\s+to\s+[^,.;]{1,90},\s*)?(?:(?:the\s+two|both)\s+(?:sides|countries|governments|leaders|delegations|parties|"
    r"(?:foreign\s+|defen[cs]e\s+|prime\s+)?ministers|presidents|heads\s+of\s+state|chief\s+negotiators)|"
    r"the\s+(?:two\s+)?(?!(?:three|four|five|six|other|many|several|new|regional)\b)[\w-]+\s+neighbou?rs)\s+"
    r"(?:will|would|are\s+(?:to|due\s+to|set\s+to|expected\s+to|scheduled\s+to))\s+(?:\w+\s+)?(?:meet|hold|resume|sit)\b",
    _I,
)
# "contacts between the Egyptian side and the Ethiopian side", "the A delegation will be headed by ...,
# while the B delegation ...": the two sides named as sides, wherever the plan's sentence stands
SIDE_PAIR = compile_skipping(
    r"\b(?-i:[Tt]he)\s+(?P<a>(?-i:[A-Z])[\w'’-]+)\s+(?:side|delegation)\b(?!['’]s)[^.;]{0,150}?\b(?:and|while|whereas|with|meet)\s+"
    r"the\s+(?P<b>(?-i:[A-Z])[\w'’-]+)\s+(?:side|delegation)\b",
    _I,
)
# "with the guarantor countries - A, B and C - present": go-betweens listed after their role
GUARANTORS_LISTED = compile_skipping(
    r"\b(?:guarantors?|guarantor\s+(?:countries|states|nations)|mediators|facilitators|observers|co-chairs)"
    # (a dash, colon or bracket, "such as", "including"; not a comma: "the co-chairs, the X ministry said")
    r"\s*(?:[—–:(-]|\bsuch\s+as\b|\bincluding\b)\s*(?:the\s+)?",
    _I,
)
# Talks named by the war they would end, whose two sides are fixed: "Gaza truce talks", "negotiations
# on a ceasefire in Gaza" (the mediators that carry them are no sides)
CONFLICT_TALKS = {
    ("Israel", "Hamas"): compile_skipping(
        r"\bGaza\s+(?:(?:ceasefire|truce|hostage|hostages|peace)\s+)*(?:talks|negotiations|deal)\b"
        r"|\b(?:talks|negotiations)\s+(?:\w+\s+){0,3}?(?:on|over|for|towards?)\s+(?:a\s+|the\s+)?"
        r"(?:Gaza\s+(?:ceasefire|truce)|(?:ceasefire|truce)\s+in\s+Gaza)\b"
    ),
}
# "the generals who seized power in X": the capital names the state they now rule, not a venue
SEIZED_POWER_IN_BEFORE = compile_skipping(r"\b(?:seized|took|grabbed)\s+power\s+in\s+$", _I)
# "Moldova and its breakaway region", "the separatist territory": a de facto state, named elsewhere
BREAKAWAY = compile_skipping(
    r"\b(?:its|the)\s+(?:breakaway|separatist|secessionist|self-declared|unrecognised|unrecognized)\s+"
    r"(?:region|republic|territory|province|enclave|state|entity)\b",
    _I,
)
# "the foreign ministers of A, B and C will meet", "a meeting bringing together A, B and C": the
# states listed are the sides (read as a list, name after name)
MEMBERS_LIST = compile_skipping(
    r"\b(?i:(?:leaders|heads\s+of\s+state|presidents|(?:foreign|defen[cs]e|trade)\s+ministers|ministers|"
    r"representatives|delegations|delegates|envoys|negotiators)\s+(?:(?:on|for)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+\s+)?(?:from|of)|brings?\s+together|"
    r"bringing\s+together|(?:meeting|summit|gathering)\s+of(?:\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:leaders|ministers|presidents|"
    r"heads\s+of\s+state|delegations|representatives|envoys|negotiators|officials)\s+"
    r"(?:(?:on|for)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+\s+)?(?:from|of))?|invit(?:ed|es|ing)|(?:sent|sends|extended|issued)\s+invitations\s+to|"
    r"invitations\s+(?:(?:have|has|had|were)\s+been\s+)?(?:sent|issued|extended)\s+to)\s+(?:the\s+)?(?=[A-Z])"
)
MEMBERS_MEET_AFTER = compile_skipping(
    r"^[^.;:]{0,40}?\b(?:will|would|are\s+(?:to|set\s+to|due\s+to|expected\s+to|scheduled\s+to|slated\s+to)|to)\s+"
    r"(?:meet|gather|hold|convene|attend|sit\s+down)\b"
    # "invited the leaders of A, B and C to a meeting"
    r"|^\s+(?:to|for)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:meeting|summit|talks|conference|round(?:[\s-]?table)?)\b"
    r"|^\s+to\s+[^.;]{0,80}?\bto\s+(?:discuss|negotiate|hold\s+talks)\b",
    _I,
)
# "P and Q to reopen talks in X": a headline led by its sides straight into the plan
HEADLINE_SIDES_TO_PLAN = compile_skipping(
    r"(?P<sides>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)+)"
    # ... or their envoys: "P, Q and R leaders to hold summit"
    r"(?:\s+(?:civilian\s+|senior\s+|top\s+)?(?:leaders|presidents|(?:foreign\s+|defen[cs]e\s+|top\s+)?(?:ministers|diplomats|"
    r"officials)|envoys|negotiators|delegations|military\s+(?:officials|chiefs|commanders)|powers|rebels|guerrillas|"
    # "Thai, Cambodian border committee to reconvene ...": their joint body
    r"(?:(?:border|joint|boundary)\s+)?(?:committee|commission)))?"
    r"\s+(?:(?:to|set\s+to|are\s+to)\s+(?:hold|reopen|resume|restart|meet|start|begin|open|launch|relaunch|join|(?:re)?convene)|"
    r"(?:summoned|invited)\s+to)\b"
)
CONDITIONAL = compile_skipping(r"\b(?:when|once|if|unless|until|provided)\b", re.IGNORECASE)
OLD_PLAN_BEFORE = compile_skipping(
    r"\b(?:planned|scheduled|set|slated|initially|originally|pencil+ed\s+in)\s+(?:for|in)\s+$", _I
)
MEDIATOR_AFTER = compile_skipping(
    r"^(?:['’]s)?\s?[-–]\s?(?:brokered|mediated|led|sponsored|facilitated|hosted)\b"
    # "U.N.-backed talks on Libya's elections" (not "the Iran-backed Houthis": a patron of a side)
    r"|^(?:['’]s)?\s?[-–]\s?backed\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiations|dialogue|consultations|conference|round)\b"
    # "the US envoy overseeing the truce between A and B will bring ... together"
    r"|^(?:['’]s)?\s+(?:envoy|mediator)\s+(?:overseeing|monitoring|supervising|mediating|brokering)\b",
    _I,
)
# "to be held in Switzerland with Saudi Arabia as co-convener": a state's role (a person's is their own)
STATE_AS_CONVENER_AFTER = compile_skipping(
    r"^\s+as\s+(?:a\s+|the\s+)?(?:co-?(?:convener|convenor|sponsor|chair|host|facilitator)|convener|convenor|facilitator)s?\b"
    r"(?!\s+of\b)",
    _I,
)
# "the Iran-aligned Houthis", "M23 rebels backed by Rwanda": a patron of a side, not a side
PATRON_AFTER = compile_skipping(
    r"^(?:['’]s)?[-–](?:backed|aligned|allied|supported|funded|armed|sponsored|owned|controlled|run|listed)\b",
    _I,
)
PATRON_BEFORE = compile_skipping(
    r"\b(?:(?:backed|supported|armed|funded)\s+by|allied\s+(?:to|with)|aligned\s+with)\s+(?:the\s+)?$", _I
)
MEDIATOR_BEFORE = compile_skipping(
    r"\b(?:mediated|brokered|hosted|facilitated|sponsored|convened|organi[sz]ed|arranged|chaired|initiated)\s+by\s+(?:the\s+)?"
    # "facilitated by the prime minister of X"
    r"(?:(?:prime\s+minister|president|foreign\s+minister|government|king|emir)\s+of\s+(?:the\s+)?)?$"
    r"|\bauspices\s+of\s+(?:the\s+)?$|\b(?:mediation\s+(?:of|by)|under\s+the\s+facilitation\s+of|facilitation\s+by)\s+(?:the\s+)?$"
    # a leader by title and name: "under the auspices of President Ismail Omar Guelleh", "brokered by Emir X"
    # (not "hosted by": a host may be a side at its own table)
    r"|\b(?:(?:mediated|brokered|facilitated|sponsored|convened|chaired)\s+by|auspices\s+of|mediation\s+of|"
    r"under\s+the\s+facilitation\s+of)\s+"
    # ("mediated by the President of the Republic, João Lourenço")
    r"(?:[\w'’-]+\s+){0,2}?(?:president|prime\s+minister|foreign\s+minister|king|emir|sultan|crown\s+prince)"
    r"(?:\s+of\s+(?:the\s+)?[\w'’-]+)?,?\s+(?:(?-i:[A-Z])[\w'’-]*\s+){0,2}$"
    # "Saudi Arabia and Iran, together with mediator China, will hold a meeting"
    r"|\b(?:together\s+with|with|and|alongside)\s+(?:the\s+)?(?:mediators?|facilitators?|brokers?|guarantors?)\s+$"
    # "the invitation extended by the State of Qatar"
    r"|\binvitation\s+(?:(?:extended|issued|sent)\s+)?(?:from|by)\s+(?:the\s+)?(?:State\s+of\s+)?$",
    _I,
)
# "attachés from A and B will attend as observers", "with A and B as observers": present, not sides
OBSERVERS_AFTER = compile_skipping(
    r"^(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)*\s+"
    r"(?:(?:(?:will|would|are\s+to|to)\s+(?:attend|take\s+part|participate|sit\s+in|be\s+present)|attending|taking\s+part|"
    r"present)\s+)?as\s+observers?\b",
)
# "in the presence of observers from the AU Commission, the United States and the EU": present, not sides
OBSERVERS_FROM_BEFORE = compile_skipping(
    r"\bobservers\s+(?:from|of)\s+(?:[^.;:]{0,80}?(?:,|\band)\s+)?(?:the\s+)?$", _I
)
# "the Brazilian, Argentine and Uruguayan mediators": each name of the list before the role noun
MEDIATOR_LIST_AFTER = compile_skipping(
    r"^(?:['’]s)?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)*"
    r"\s+(?:co-?chairs?|co-?chairmen|mediators|brokers|facilitators)\b(?!\s*,?\s*(?:said|say|says|told)\b)"
)
MEDIATOR_ROLE_AFTER = compile_skipping(
    # not "will host his Somali counterpart": a host receiving the other side is a side itself
    # (not "A and B that C had convened": the relative clause has a subject of its own)
    # (not "A and B negotiators will meet the mediators": who meets the go-betweens is a side)
    r"^(?:['’]s)?(?:\s+(?!(?:that|which|whom)\s+(?-i:[A-Z]))[\w-]+){0,5}?\s+(?:"
    r"(?<!\bmeet\sthe\s)(?<!\bmeet\swith\sthe\s)(?<!\bmet\sthe\s)(?<!\bmet\swith\sthe\s)mediat\w*|"
    r"host(?:s|ed|ing)?\b(?!\s+(?:city|country|(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}?counterpart\b))"
    # (not "as Baku hosts the COP29 climate conference": a host of something else)
    r"(?!\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:conference|forum|games|olympics|championships?|cup|expo|fair|exhibition)\b)|"
    r"broker\w*|"
    r"facilitat\w*|sponsorship|auspices|bring(?:s|ing)?\s+together|"
    # "X will bring the foreign ministers of A and B together"
    # "X will receive the foreign ministers of A and B": plural, both sides (not "his counterpart")
    r"(?:bring(?:s|ing)?|receiv(?:e|es|ing)|welcom(?:e|es|ing))\s+(?:the\s+|(?:his|her|their)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:ministers|leaders|presidents|delegations|negotiators|counterparts)\s+(?:of|from)\b|"
    # "X's envoy has secured agreement for A and B to hold talks"
    r"(?:has\s+)?(?:secured|obtained|won)\s+(?:an?\s+|the\s+)?(?:agreement|consent|commitment)\s+(?:for|from)|"
    r"(?:has\s+)?(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
    r"(?:scheduled(?!\s+to\b)|convened|invited|sent\s+invitations)|"  # not "talks scheduled to take place"
    # "Brazil will convene delegations of A and B" (not "will convene talks with A": a side)
    # ("Kenya will reconvene the Tumaini Initiative peace talks between A and B")
    r"(?:re)?conven(?:e|es|ing)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:delegations?|parties|sides|representatives|"
    r"leaders|negotiators|envoys|talks|meeting|negotiations|round)\b(?![^.;]{0,40}\bwith\b)|"
    # "Kenya will on Monday reconvene the South Sudan government and the holdout groups"
    r"(?:re)?conven(?:e|es|ing)\s+the\s+(?:[\w-]+\s+){0,3}?(?:government|authorities|junta)\s+and\b|"
    # "Qatar has put back the next round of negotiations between A and B": who moves others' talks
    r"(?:has\s+)?(?:put\s+back|pushed\s+back|postponed|delayed|moved|rescheduled|brought\s+forward)\s+(?:the\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:round|talks|meeting|negotiations|session)\s+(?:of\s+(?:[\w-]+\s+)?(?:talks|negotiations)\s+)?between|"
    # "Djibouti pushes back Somaliland-Somalia technical talks by a week"
    r"(?:push(?:es|ed)?\s+back|puts?\s+back|postpone[sd]?|delay(?:s|ed)?)\s+(?:the\s+)?(?-i:[A-Z])[\w'’]+[-–](?-i:[A-Z])[\w'’]+\s+"
    r"(?:[\w-]+\s+){0,2}?(?:round|talks|meeting|negotiations|dialogue)\b(?:\s+by\s+(?:a|an|one|two|three|\d+)\b)?)"
    r"\b(?!\s+by\b)"  # "talks between A and B hosted by C": C is the go-between (whole words: no "mediate|d by")
    # "Kenya and Norway will join the IGAD as facilitators"
    r"|^(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w.'’-]*)*\s+(?:will\s+|would\s+|to\s+)?join\s+[^.;]{0,80}?\bas\s+(?:co-?)?"
    r"(?:facilitators?|mediators?|guarantors?)\b"
    # "with the Royal Norwegian Government once again serving as third-party facilitator"
    r"|^(?:['’]s)?(?:\s+[\w-]+){0,3}?\s+(?:once\s+again\s+|again\s+)?(?:serving|acting)\s+as\s+(?:the\s+|a\s+)?"
    r"(?:[\w-]+\s+)?(?:facilitator|mediator|host|broker|guarantor)s?\b"
    # "R and S, which brokered the last round, said ...": a relative clause names the go-betweens
    r"|^(?:\s+and\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?|(?:['’]s)?\s+(?:government|administration|(?:foreign\s+)?ministry))?"
    r",\s+(?:which|who)\s+(?:\w+\s+){0,2}?(?:as\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?)?"  # "has served as third-party facilitator"
    r"(?:mediat|host|broker|facilitat|conven)\w*",
    _I,
)
# "met on Saturday and agreed to meet again next week": a held round that sets up the next one.
HAD_BEFORE = compile_skipping(r"\bhad\s+$", _I)
# "after wrapping up the first round on Sunday": what follows is the last round's
AFTER_CLAUSE = compile_skipping(r"\b(?:after|following|since)\b", _I)
NEVER_HAPPENED = compile_skipping(
    r"\b(?:but|which)\s+(?:(?:that|the|this)\s+)?(?:[\w-]+\s+){0,2}?(?:never\s+(?:took\s+place|happened|materiali[sz]ed)|"
    r"will\s+now\s+not\s+happen|(?:did|will)\s+not\s+(?:take\s+place|happen)|fell\s+through)\b",
    _I,
)
NEXT_MEETING = compile_skipping(
    # "agreed at the end of last week's meeting to hold the next round ..."
    # ("both delegations committed to reconvene in X on 9 February")
    r"\b(?:agreed|agree|agreeing|decided|plan|planned|promised|pledged|committed|vowed|undertook)\s+(?:(?:at|during|after|on|in)\s+(?:[\w'’-]+\s+){1,6}?)?"
    # "agreed to extend their ceasefire and to meet again in X next week"
    r"(?:to\s+(?:[\w'’-]+\s+){1,5}?and\s+)?"
    r"to\s+(?:meet|resume|reconvene|"
    r"(?:hold|continue|reopen|restart|relaunch)\s+(?:\w+\s+){0,3}?(?:talks|meeting|round|summit|consultations|negotiations))\b",
    _I,
)
BETWEEN = compile_skipping(
    r"\b(?:talks|negotiations?|meetings?|summit|dialogue|consultations?|discussions|mediation|rounds?|"
    # "the intergovernmental conference between the EU and X", "the border conference between A and B"
    r"(?:(?<=intergovernmental\s)|(?<=accession\s)|(?<=border\s))conference|"
    # "the meeting of the special representatives for the normalisation process between A and B"
    r"(?:(?<=normalization\s)|(?<=normalisation\s)|(?<=peace\s)|(?<=reconciliation\s))process|"
    r"commissions?|committees?|(?-i:Mechanism))\s+(?:[\w-]+\s+){0,3}?"  # "the Joint Permanent Commission between A and B"
    # "a meeting of the Joint Security Mechanism (JSM) between A and B": a joint body's meeting
    r"(?:of\s+the\s+(?:[\w-]+\s+){0,5}?(?:mechanism|commission|committee|council|forum|group)\s+"
    r"(?:\([\w+-]{2,10}\)\s+)?"
    # "of the supervisory committee on the exchange of prisoners between A and B": its remit between
    r"(?:(?:on|for)\s+(?:the\s+)?(?:[\w-]+\s+){1,2}?(?:of\s+[\w-]+\s+)?)?)?"
    r"(?:between|among)\s+"
    # "the committee monitoring the cessation of hostilities between A and B": the truce's two sides sit on it
    r"|\b(?:commission|committee|mechanism)\s+(?:monitoring|overseeing|supervising)\s+(?:the\s+)?(?:[\w-]+\s+){1,2}?"
    r"(?:of\s+[\w-]+\s+)?between\s+"
    # "the Joint Working Group (JWG) on Fisheries between A and B"
    r"|\b(?:working\s+group|commission|committee)\s+(?:\([\w+-]{2,10}\)\s+)?(?:on|for)\s+(?:[\w-]+\s+){1,3}?between\s+",
    _I,
)
# "X's warring factions", "the X rival factions": the sides are unnamed groups within X; X itself
# is the subject ("A and B factions" and "A and B generals" still name two sides)
_NOT_A_LIST = r"(?:(?!(?:and|or)\b)[\w-]+\s+)"
FACTIONS_OF_AFTER = compile_skipping(
    rf"^(?:['’]s?\s+{_NOT_A_LIST}{{0,2}}?(?:factions|belligerents|warring\s+(?:parties|sides)"
    r"|(?:two|rival|warring|feuding)\s+(?:military\s+)?generals)"
    r"|\s+(?:warring|rival|feuding)\s+(?:military\s+|armed\s+)?(?:factions|parties|sides|generals))\b",
    _I,
)
# "according to A, B and C": the sources of the news, not sides
SOURCE_BEFORE = compile_skipping(
    r"\b(?i:according)\s+to\s+(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:,\s*(?:and\s+)?|and\s+))*"
    r"(?:the\s+)?$"
)
# "talks with A, B and C": the sides listed after "with" (read as a list, name after name)
WITH_SIDES = compile_skipping(
    r"\b(?:talks|negotiations|meetings?|summit|dialogue|consultations|discussions)\s+(?:[\w-]+\s+){0,2}?"
    r"with\s+(?:the\s+)?",
    _I,
)
# "agreed to meet a delegation of the West African bloc ECOWAS": the delegation's state or body
MEET_DELEGATION_OF = compile_skipping(
    r"\bmeet\s+(?:with\s+)?(?:(?:a|the)\s+(?:[\w-]+\s+)?(?:delegation|team|envoys?)|(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:ministers|leaders|delegations|representatives|envoys))\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){1,2}(?:bloc|body|grouping|organi[sz]ation)\s+)?",
    _I,
)
# "A, B and the C", "A (AB) and B": between two names of a list; an acronym in brackets repeats the name
LIST_GAP = compile_skipping(
    r"^\s+\($"  # the name's acronym in brackets follows
    # ", ", " and ", ", and the ", after the name or its acronym in brackets; "A and the ministers of B"
    # ("Niger's military government and of the Economic Community ...")
    r"|^(?:['’]s\s+(?:military\s+|transitional\s+|federal\s+)?(?:government|authorities|junta|regime)(?=\s+and\s+of\b))?"
    r"\)?(?:\s*\([A-Z][\w/.-]*\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:of\s+)?(?:the\s+)?"
    r"(?:(?:ministers|leaders|delegations|representatives|envoys)\s+(?:of|from)\s+(?:the\s+)?)?"
    # "Moldova and the unrecognised Transdniestrian region"
    r"(?:(?:unrecogni[sz]ed|breakaway|separatist|self-proclaimed|self-declared|semi-autonomous|autonomous)\s+)?$"
    # "A, the B independence movement, C and D": a name's description before the next comma
    r"|^(?:\s+[a-z][\w-]*){1,3}\s*,\s*(?:and\s+)?(?:the\s+)?$"
)
# "ready to host a new round": an offer, whatever plan words follow it
OFFERED_PLAN = compile_skipping(
    # ("an offer by Brazil to host a second meeting")
    r"\b(?:ready|readiness|willing|willingness|prepared|offer(?:s|ed|ing)?|keen|eager|happy|glad)[\"”'’]?"
    r"(?:\s+on\s+\w+|,[^,;.]{1,30},|\s+(?:by|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
    r"\s+to\s+"
    # ("stands ready to place its experience at their service and to host ... an inclusive dialogue")
    r"(?:[^.;]{1,80}?\band\s+to\s+)?"
    # ("was willing to send a team of eminent persons to X if the parties asked")
    r"(?:host|hold|meet|resume|travel|attend|convene|send|dispatch)\b",
    _I,
)
# ... unless the offer was taken up: "has offered to host talks on Monday, and both sides accepted"
# (not on a condition: "ready to host talks if both sides agreed")
OFFER_TAKEN = compile_skipping(
    # (not "would only accept a venue where ...": a condition of the one who refuses)
    r"(?<!\bif\s)(?<!\bunless\s)(?<!\bonce\s)(?<!\bonly\s)(?<!\bnot\s)"
    # (nor "neither side has accepted", "has yet to accept")
    r"(?<!\bneither\sside\shas\s)(?<!\bneither\sside\shad\s)(?<!\bneither\shas\s)(?<!\bnor\shas\s)(?<!\byet\sto\s)"
    r"(?<!\bnone\shas\s)(?<!\bneither\sparty\shas\s)"
    r"(?<!\ban\s)(?<!\bthe\s)(?<!\bno\s)(?<!\bany\s)"  # (nor "without an agreed allocation": an adjective)
    # (nor "at a date to be agreed": still to come; nor "Ukraine's acceptance of a US proposal": a noun)
    r"(?<!\bbe\s)\b(?:accept(?:s|ed|ing)?|agreed|confirmed|scheduled)\b"
    r"(?<!\bif\sboth\ssides\sagreed)(?<!\bif\sthe\ssides\sagreed)(?<!\bif\sthey\sagreed)",
    _I,
)
NEGATED_FUTURE = compile_skipping(
    # (not "will not be held in X but in Y": held all the same)
    r"\b(?:will|would|shall)\s+(?:not|no\s+longer)\s+(?![^.;]{0,60}?\bbut\s+(?:in|at)\b)\w+(?:\s+(?!whether\b)\w+)?"
    r"|\bwon['’]t\s+\w+(?:\s+(?!whether\b)\w+)?",
    _I,
)
# "turned down a proposal by X to visit on Tuesday", "rejected a UN proposal to resume talks": the plan
# offered is refused
REJECTED_OFFER = compile_skipping(
    r"\b(?:reject(?:s|ed|ing)?|turn(?:s|ed|ing)?\s+down|declin(?:es|ed|ing)|refus(?:es|ed|ing)|rebuff(?:s|ed)?|"
    r"snubb?(?:s|ed)?)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?(?:proposal|offer|invitation|request|plan)s?\b",
    _I,
)
# "Previous cycles were held in X, in Y and in Z": every place of the list (where rounds met; its
# states may still be sides)
PAST_VENUE_LISTED_BEFORE = gated(
    compile_skipping(
        r"\b(?:took\s+place|was\s+held|were\s+held|met)\s+in\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?"
        r"(?:,\s+(?:in\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)*,?\s+(?:and\s+)?(?:in\s+)?$",
        _I,
    )
)
PAST_VENUE_BEFORE = gated(
    compile_skipping(
        r"\b(?:took\s+place|was\s+held|were\s+held|held\s+talks|met|"
        # "similar talks held in X", "the previous round in X"
        r"(?:talks|meetings?|negotiations|rounds?|consultations|summits?)\s+held|"
        r"(?:previous|last|earlier|prior)\s+(?:round|meeting|session)s?(?:\s+of\s+\w+)?)\s+(?:[\w'’-]+\s+){0,3}$"
        # "Qatar, which brokered the ceasefire and convened later rounds in X": a go-between's past rounds
        r"|\b(?<!be\s)(?<!been\s)(?:hosted|convened|chaired|brokered|mediated)\s+(?:(?:the|a|string|of|several|two|three|later|earlier|"
        r"previous|past|first|second|last|all|most)\s+){0,3}(?:rounds?|meetings?|talks|sessions|negotiations)"
        r"(?:\s+of\s+(?:[\w-]+\s+){0,3}?(?:talks|negotiations))?\s+(?:in|at)\s+(?:the\s+)?"
        r"(?:[\w'’.-]+(?:\s+[\w'’.-]+)?\s+and\s+)?$"
        # "After meeting the envoy in X, the negotiator said the teams would sit down in Y"
        r"|\bafter\s+(?:meeting|talks\s+with|talking\s+to|visiting)\s+(?:[\w'’-]+\s+){0,4}$"
        # "ended a round of peace talks in X on Tuesday and agreed to hold the next cycle in Y"
        r"|\b(?:ended|concluded|wrapped\s+up|closed|finished)\s+(?:a|the|their|its)\s+(?:[\w-]+\s+){0,2}?(?:round|cycle|session)"
        r"(?:\s+of\s+(?:[\w-]+\s+)?(?:talks|negotiations))?\s+(?:in|at)\s+(?:the\s+)?$"
        # "the first such talks since a summit in X collapsed"
        r"|\bsince\s+(?:a|an|the|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:summit|talks|meeting|round|negotiations)\s+"
        r"(?:in|at)\s+(?:the\s+)?$",
        _I,
    )
)
# A day that belongs to something already done in the same sentence ("they will meet again once
# the round that ended on Monday is assessed"), not to the talks announced.
PAST_DAY_BEFORE = compile_skipping(
    r"(?<!\bbe\s)\b(?:ends|ended|concluded|met|was\s+held|were\s+held|began|started|resumed|took\s+place|wrapped\s+up)\s+"
    r"(?:\w+\s+)?(?:on\s+)?$"
    r"|\bafter\s+(?:on\s+)?$",  # "after March 20": later than that day, not on it
    _I,
)
# A news agency's dateline ("LIMA, May 4 (Wire) -"): the day of the report.
DATELINE_AFTER = compile_skipping(r"^\s*\((?:[A-Z][\w.]*\s?){1,3}\)\s*[-—–]")
# "X will host the talks", "X, which hosts the round": the host names the venue, whatever other
# place the sentence names ("said at a forum in Y"). Past forms ("hosted") are earlier rounds.
HOST_AFTER = compile_skipping(
    r"^(?:['’]s)?(?:,\s+which)?\s+(?:(?:will|would|is|are|was|were|has|have)\s+(?:\w+\s+){0,2}?)?"
    r"(?:to\s+)?host(?:s|ing)?\b(?!\s+(?:city|country|nation|government))",
    _I,
)
_POSTED_IN = r"\b(?:ambassador|embassy|charg[eé]\s+d['’]affaires|spokes(?:man|woman|person)|correspondent|consul)\s+(?:in|to)\s+$"
# Where a statement about the talks was made, not where they meet: "told reporters in X",
# "said at a press briefing in X", "speaking in X".
STATEMENT_PLACE_BEFORE = gated(
    compile_skipping(
        r"\b(?:said|says|told\s+(?:reporters|journalists|a\s+news\s+conference)|speaking|spoke|"
        # "in a statement issued in X", "a communique released in X"
        r"(?:statement|communiqu[eé]|declaration|message|note)\s+(?:issued|released|published|read\s+out)|"
        r"briefing|(?:press|news)\s+conference|interview|remarks)\b"
        # the words between stay in the statement: "said the leaders would meet in X" is a venue
        # ("says P talks in X": the talks' venue, not "after talks in X")
        r"(?:\s+(?!(?:will|would|could|should|shall|may|might|meet|meets|met|hold|held|be|gather|convene|resume)\b"
        r"|(?-i:[A-Z])[\w'’-]*\s+(?:talks|meeting|negotiations|summit|round|dialogue)\b)[\w-]+)"
        r"{0,4}?\s+(?:in|at)\s+(?:the\s+)?$"
        # "according to officials in X", "the US ambassador in X": where the source sits
        r"|\baccording\s+to\s+(?:[\w-]+\s+){0,4}?(?:in|at)\s+(?:the\s+)?$"
        rf"|{_POSTED_IN}",
        _I,
    )
)
# "the US ambassador in X said": a diplomat's post, never the venue
POSTED_IN_BEFORE = compile_skipping(_POSTED_IN, _I)
# "the foreign ministry in X said": where the source sits, when "said" follows
SOURCE_IN_BEFORE = gated(
    compile_skipping(
        r"\b(?:ministry|office|presidency|government|officials|sources|spokes(?:man|woman|person))"
        r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?\s+in\s+$",  # "the Office of the Prime Minister in X"
        _I,
    )
)
SAID_RIGHT_AFTER = compile_skipping(r"\s*,?\s*(?:said|says|told|announced|confirmed)\b", _I)
ATTRIBUTIVE_AFTER = compile_skipping(r"^[\s-]*(?:peace\s+)?(?:talks|summit|meeting|negotiations|round)\b", _I)
# "mediated by X", "hosted by X": the verbs that name a go-between after "by"
GO_BETWEEN_VERBS = r"(?:mediated|brokered|hosted|facilitated|sponsored|convened|chaired)"
# "hosted by A and B": the go-betweens listed after the verb
GO_BETWEENS_BY = compile_skipping(rf"\b{GO_BETWEEN_VERBS}\s+(?:jointly\s+)?by\s+(?:the\s+)?", _I)
CLAUSE_END = compile_skipping(
    r"[;:]|,\s(?!and\b)|\s(?:on|over|to|in|at|for|about|that|which|will|would|was|were|is|are|since|after|following)\s"
    rf"|\s{GO_BETWEEN_VERBS}\s+by\b"
)
DELEGATION = compile_skipping(
    r"(?:delegation|team)\s+(?:\w+\s+){0,5}?(?:headed|led)\s+by\s+(?:\w+\s+){0,4}?$|\btop\s+negotiator\s+$",
    _I,
)
HEADS_AFTER = compile_skipping(
    r"^\s+(?:will|would|is\s+to)\s+(?:head|lead)\s+(?:the\s+)?(?:\w+\s+)?(?:delegation|team)", _I
)
ANAPHORA = compile_skipping(
    r"\b(?:their|the\s+two\s+(?:sides|countries|leaders|governments|delegations|ministers)|both\s+sides)\b",
    _I,
)
# "talks ... will be held in Ohrid": the name after the talks word's "in", for a venue not in the
# gazetteer (checked only when no known place is named in the sentence).
UNLISTED_VENUE = compile_skipping(
    r"\b(?:talks|meeting|summit|round|dialogue|negotiations|consultations|held|meet|hosted|take\s+place)\b"
    # "Sharm el-Sheikh", "Ras al-Khaimah", "Puerto de la Cruz": particles between capitalised words
    r"[^.;:,]{0,40}?\b(?:in|at)\s+([A-Z][a-z]{3,}(?:(?:[ -](?:el|al|ad|ash|es|de|del|de\s+la|di|dos|das)-?)?"
    # (not "in Jeddah Sept. 29": a month's short form is no part of the name)
    r"[ -](?!(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)[A-Z][a-z]+)?)\b(?!['’])"
)
# "to visit Q", "travels to Q", "heads to Q": the state a headline's traveller goes to
VISITED_BEFORE = compile_skipping(
    r"\b(?:visits?(?:\s+to)?|visiting|travel(?:s|ling)?\s+to|heads?\s+to|flies\s+to|fly\s+to|arrives?\s+in)\s+(?:the\s+)?$",
    _I,
)
# Headlinese for a plan: "P and Q to hold talks", "P's envoy to visit Q" (the infinitive is the
# future tense of a headline), unless the headline calls or urges ("UN urges P to resume talks").
HEADLINE_PLAN = compile_skipping(
    r"\b(?:to|set\s+to)\s+(?:hold|meet|visit|resume|host|begin|start|open|attend|join|travel|launch|reopen|"
    r"restart|sit\s+down|convene|reconvene|discuss|negotiate|hold\s+talks)\b"
    # "P, Q leaders summoned to X for crisis talks"
    r"|\b(?:summoned|called|invited)\s+to\s+(?-i:[A-Z])[\w'’-]*\s+for\s+(?:[\w-]+\s+){0,3}?(?:talks|meeting|summit)\b",
    _I,
)
# "Could P and Q meet?", "Will P and Q meet at the summit?": a headline that asks plans nothing
HEADLINE_QUESTION = compile_skipping(r"\W*(?:could|will|would|can|should|might|may)\b[^?]*\?", _I)
HEADLINE_NOT_PLAN = compile_skipping(
    r"\b(?:refus\w*|declin\w*|reject\w*|unlikely|wants?|no|not|never|fails?|failed|rules?\s+out)\s+to\b"
    # "P to skip Q summit"
    r"|\bto\s+(?:skip|snub|shun|miss)\b"
    # "P will not attend Q's dialogue", "P to boycott talks"
    r"|\b(?:will\s+not|won['’]t)\s+(?:attend|join|participate|take\s+part|go)\b|\bboycott\w*",
    _I,
)
# Headlines report a planned meeting as a visit ("P's foreign minister to visit Q on March 20").
HEADLINE_VISIT = compile_skipping(
    r"\b(?:to|will)\s+visit\b"
    # "Sudan's warring parties to return to Jeddah next week": the sides back at the old venue
    r"|\b(?:parties|sides|rivals|delegations|negotiators)\s+(?:to|will)\s+return\s+to\s+(?-i:[A-Z])"
    # "P's president to undertake state visit to Q", "P to pay official visit to Q"
    r"|\b(?:to|will)\s+(?:undertake|pay|make)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:state|official|working)\s+visit\s+to\b"
    # "P to Q's capital on December 11 for council with R", "P to X for talks"
    r"|\bto\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\b[^:;]{0,30}?\bfor\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|council|summit|meeting|consultations)\b",
    _I,
)
# A headline in the present or past tense reports talks under way or over ("talks begin in X",
# "P, Q end round"), not a plan; "to"/"will"/"set to" before the verb make it a plan again.
HEADLINE_ONGOING = compile_skipping(
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bset\s)(?<!\ban\s)(?<!\bthe\s)(?<!\ba\s)(?<!\bgood\s)(?<!\bnew\s)"
    r"(?<!\bfresh\s)(?<!\bbe\s)(?<!\bbeen\s)"
    # (not "date still open", "remains open": a question left open)
    r"(?<!\bstill\s)(?<!\bremains\s)(?<!\bremain\s)(?<!\bleft\s)(?<!\bkept\s)"
    r"\b(?:begins?|began|starts?|started|opens?|holds?|held|"
    r"opened|under\s?way|continues?|continued|resumes?|resumed|ends?|ended|concludes?|concluded|wraps?\s+up|"
    r"kicks?\s+off|"
    # "talks in X enter fourth day", "go into a second day"
    r"(?:enters?|entered|go(?:es)?\s+into|went\s+into|stretch(?:es)?\s+into)\s+(?:a\s+|their\s+|its\s+)?"
    r"(?:second|third|fourth|fifth|sixth|seventh|final|last|\d+(?:st|nd|rd|th))\s+(?:day|week|round)|"
    # "ministers in third day of talks near X", "day two of talks"
    r"in\s+(?:a\s+|the\s+|their\s+)?(?:second|third|fourth|fifth|sixth|seventh|final|last|\d+(?:st|nd|rd|th))\s+day\s+of|"
    r"day\s+(?:two|three|four|five|six|\d)\s+of)\b"
    # "P, Q agree to deepen ties after X talks": the talks are behind the news
    # (not "P, Q to hold summit after X talks": a plan worded before it)
    r"|^(?:(?!\b(?:(?<!agree\s)(?<!agrees\s)(?<!agreed\s)to|will|set|due)\b).)*?\b(?:after|following)\s+(?:[\w'’-]+\s+){0,3}?(?:talks|meeting|summit|negotiations)\b"
    r"(?![^,;:]{0,30}\b(?:set|due|planned|scheduled|next|to\s+be)\b)",
    _I,
)
# "the next round", "meet again": a later round set up by talks the headline reports as over.
NEXT_ROUND = compile_skipping(r"\b(?:next|another|again|follow-up|further|upcoming|subsequent)\b", _I)
# "The next cycle of talks will be held in the Venezuelan capital": the next round given its venue
NEXT_ROUND_PLACED = compile_skipping(
    r"\b(?:next|new|fresh)\s+(?:[\w-]+\s+){0,2}?(?:round|cycle|session|meeting)\b[^.;]{0,60}?\b(?:will|is\s+to|shall)\s+"
    r"(?:be\s+held|take\s+place|open|convene)\s+(?:in|at)\b",
    _I,
)
# "a summit between the two presidents is planned for next month": a meeting put on the calendar in
# so many words, for a time ahead that need not be a day (the caller checks the time)
SCHEDULED_FOR = compile_skipping(
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?(?:planned|scheduled|slated|set|pencil+ed\s+in|expected)\s+"
    r"(?:to\s+(?:take\s+place|be\s+held|begin|start|open|convene)\s+)?(?:(?:for|in|during)\s+)?",
    _I,
)
# "wrapped up two days of talks ahead of a planned summit between their presidents", "to prepare for
# a second summit between their leaders": the sides' next meeting, planned, though the sentence tells
# the last one
PREPARES_PLANNED = compile_skipping(
    r"\b(?:ahead\s+of|to\s+prepare\s+(?:the\s+ground\s+)?for|in\s+preparation\s+for|preparing\s+for|"
    r"(?:to\s+pave|paving)\s+the\s+way\s+for)\s+(?:a|an|the)\s+(?:planned|scheduled|upcoming|forthcoming|"
    r"second|third|fourth|fifth|next)\s+(?:[\w-]+\s+){0,2}?(?:summit|meeting|round|session)\s+"
    r"(?:between|of)\s+(?:their|the\s+two|both)\b",
    _I,
)
# a time ahead find_dates gives no days for: "later this year", "in the coming weeks"
VAGUE_AHEAD = compile_skipping(
    r"\b(?:later\s+(?:this|in\s+the)\s+(?:year|month|week)|(?:the\s+)?(?:coming|next\s+few)\s+(?:days|weeks|months))\b",
    _I,
)
# "agreed to hold the second round in X": a round counted on is the next one too
COUNTED_ROUND = compile_skipping(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))\s+round\b", _I
)
# A state's own side, unnamed: "talks between the government and the NDFP", "the junta and the TNLA"
# "representatives of President X and of the opposition led by Y": the country's opposition as the
# other side (not "its opposition to the plan", "the opposition leader")
AND_THE_OPPOSITION = compile_skipping(
    r"\b(?:and\s+(?:of\s+)?|(?:talks|dialogue|negotiations)\s+with\s+|meet(?:s|ing)?\s+(?:with\s+)?)"
    r"(?:the|its)\s+(?:main\s+|political\s+)?opposition\b"
    r"(?!\s+(?:to|leaders?|party|parties|lawmakers?|politicians?|MPs?|figures?|benches)\b)",
    re.IGNORECASE,
)
THE_GOVERNMENT = compile_skipping(
    r"\b(?:the|national|federal|central|transitional)\s+government\b|\bgovernment(?:['’]s)?\s+(?:delegation|panel|side|"
    r"negotiators|team|peace\s+delegation)\b|\bpeace\s+(?:dialogue\s+)?panel\b|\bthe\s+authorities\b|"
    r"\b(?:the\s+)?(?:junta|military\s+(?:council|government|regime|authorities))\b",
    re.IGNORECASE,
)
# "the Transnistrian conflict", "the Slovak OSCE chairmanship": a demonym naming the topic or the
# chair, not a side
DEMONYM_NOT_SIDE_AFTER = compile_skipping(
    r"^(?:\s+|-)(?:(?-i:[A-Z]{2,})\s+)?(?:conflict|war|crisis|question|issue|settlement|dispute|chairmanship|presidency)\b"
    # "Guatemalan and Honduran nationals", "Ivorian cocoa farmers": people of the state, not its government
    r"|^(?:\s+and\s+(?-i:[A-Z])[\w-]+)?\s+(?:[\w-]+\s+)?(?:nationals|citizens|migrants|refugees|asylum[\s-]seekers|"
    r"workers|fishermen|farmers|traders|merchants|exports|imports|goods|products|companies|firms|"
    # "the Canadian owner of the copper mine": a firm of the state, not its government
    r"owners?|operators?|miners?|investors?|lenders?|creditors?|insurers?|shipowners?)\b",
    _I,
)
# a side travelling to the other's country for the talks
# (a visit in so many words: a side travelling to a venue is as often going to a go-between's capital)
VISIT = compile_skipping(
    r"\b(?:visit(?:s|ing)?|(?:state|official|working)\s+visit)\b(?!\s+(?:to\s+)?(?:the\s+)?funeral)"
    # "will be received on Monday at the presidency": the visitor's hosts are the other side
    r"|\b(?:will|would|is\s+to)\s+be\s+received\s+(?:\w+\s+){0,3}?(?:at|in|by)\b",
    _I,
)
# ... or talks with the hosts themselves, in so many words ("will travel to Baku for talks with its
# hosts", "... for talks with the military authorities")
TALKS_WITH_HOSTS = compile_skipping(
    r"\bfor\s+(?:\w+\s+){0,3}?(?:talks|a\s+meeting|meetings|consultations|negotiations)\s+with\s+"
    r"(?:(?:its|their|his|her)\s+(?:\w+\s+)?(?:hosts|counterparts?)|the\s+hosts|"
    r"the\s+(?:local|military|host|national|federal|transitional)\s+(?:authorities|government|leadership))\b"
    # "... will travel to Y. He will hold talks with his counterpart": the visited state's (one
    # counterpart, of no other state named: not "his counterparts there", "his Turkish counterpart")
    r"|\b(?:hold|have)\s+(?:\w+\s+){0,2}?(?:talks|a\s+meeting|meetings|consultations)\s+with\s+"
    r"(?:his|her|their|its)\s+counterpart\b(?!s|\s+from\b)",
    _I,
)
# "will meet next Tuesday in this border city", "in this capital": the dateline's place
IN_THIS_CITY = compile_skipping(
    r"\b(?:in|to|at)\s+this\s+(?:[\w-]+\s+)?(?:city|town|capital|port)\b(?!\s+of\b)", _I
)
# "will open a new round of talks here on Thursday", "will still take place here": the dateline's city,
# for a plan in the future tense only (not "talks here on Monday were cordial")
HERE_PLANNED = compile_skipping(
    r"\b(?:will|would|to|is\s+to|are\s+to)\s+(?:[\w-]+\s+){0,8}?(?:talks|negotiations|meeting|round|summit|consultations)\s+"
    r"(?:[\w-]+\s+){0,2}?here\s+(?:on|next|this|from|tomorrow|later)\b"
    r"|\b(?:will|would|(?:is|are)\s+(?:scheduled|set|due|expected|slated)\s+to)\s+(?:still\s+)?"
    r"(?:take\s+place|be\s+held|meet|convene|reconvene|open|begin|start|resume)\s+(?:\w+\s+)?here\b"
    # "... will convene on Monday in the capital" under the capital's own dateline
    r"|\b(?:will|would)\s+(?:take\s+place|be\s+held|meet|convene|reconvene|open|begin|start|resume)\s+(?:on\s+\w+\s+)?in\s+the\s+capital\b"
    r"(?!\s+(?:of|city\s+of)\b)",
    _I,
)
# a press advisory's own line for the venue: "Venue: Safari Park Conference Centre, Thika Road, Nairobi"
VENUE_LINE = compile_skipping(r"(?m)^(?:Venue|Location|Place)\s*:\s*[^\n]+$")
# "will travel to the capital on Saturday": the capital of the state at the table, named only so
TO_THE_CAPITAL = compile_skipping(r"\b(?:to|in|at)\s+the\s+capital\b(?!\s+(?:of|city\s+of)\b)", _I)
# the side that travels to the talks: "a delegation from X", "a high-level team of X" (X right after)
TRAVELLER_BEFORE = gated(
    compile_skipping(
        r"\b(?:delegation|team|mission|envoys?|negotiators)\s+(?:from|of)\s+(?:the\s+)?$",
        _I,
    )
)
# ... "X's delegation", "an X team" (X right before)
TRAVELLER_AFTER = gated(
    compile_skipping(
        r"^(?:['’]s)?\s+(?:(?:high-level|senior|official|negotiating|government|military)\s+)?"
        r"(?:delegation|team|mission|negotiators)\b"
        # "X will send a trade delegation to Y": X travels
        r"|^\s+(?:(?:will|is\s+to|plans\s+to)\s+(?:send|dispatch)|sends|dispatches|is\s+sending)\s+(?:a|an|its)?\s*(?:[\w-]+\s+){0,2}?"
        r"(?:delegation|team|mission|negotiators?|envoys?)\s+to\b"
        # "the X administration said on Thursday it would send a delegation to Y", "X would attend"
        r"|^(?:['’]s)?(?:\s+(?:administration|government|authorities|leadership|junta))?\s+(?:said|says|announced|confirmed)\s+"
        r"(?:on\s+\w+\s+)?(?:that\s+)?it\s+(?:would|will)\s+(?:(?:send|dispatch)\s+(?:a|an|its)?\s*(?:[\w-]+\s+){0,2}?"
        r"(?:delegation|team|mission|negotiators|envoys?)(?:\s+to\b|\s*[,.;])|attend\b(?!\s+as\s+(?:an?\s+)?(?:observers?|guests?)))"
        r"|^\s+(?:would|will)\s+attend\b(?!\s+as\s+(?:an?\s+)?(?:observers?|guests?))",
        _I,
    )
)
TRAVEL = compile_skipping(
    r"\b(?:will|would|to|is\s+(?:due|set|expected)\s+to|are\s+(?:due|set|expected)\s+to)\s+(?:\w+\s+)?"
    # ("the delegation would return to the Turkish capital on the agreed date")
    r"(?:travel|fly|head|go|visit|return)\s+to\b|\b(?:would|will)\s+(?:attend\b(?!\s+as\s+(?:an?\s+)?(?:observers?|guests?))|send\s+(?:a|an|its)\s+delegation\s*[,.;])|\bwill\s+(?:arrive|be\s+in)\s+in\b|\bheads?\s+(?:to|for)\b"
    r"|\b(?:(?:will|would|to)\s+(?:send|dispatch)|sends|dispatches|is\s+sending)\s+(?:a|an|its)?\s*(?:[\w-]+\s+){0,2}?"
    r"(?:delegation|team|mission|negotiators?|envoys?)\s+to\b",
    _I,
)
# "urged the AU to convene the three countries": the infinitive is what is asked for
URGED_BEFORE = compile_skipping(
    r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|push(?:es|ed|ing)?|"
    r"appeal(?:s|ed|ing)?\s+to|encourag(?:e|es|ed|ing))\b[^.;]{0,80}$"
    # "X has proposed to the authorities and the rebels to host a new round": a proposal
    r"|\b(?:propos(?:e|es|ed|ing)|suggest(?:s|ed|ing)?)\b[^.;]{0,100}$"
    # a wish: "hopes to be able to convene a new meeting soon", "wants to host"
    r"|\b(?:hop(?:e|es|ed|ing)|wish(?:es|ed)?|want(?:s|ed)?|aim(?:s|ed)?)\s+(?:to\s+be\s+able\s+)?$",
    _I,
)
# Plans worded without a talks verb of their own ("will have a meeting", "will return to the
# negotiating table"): plans only where the sentence names a side (not a company board or a union)
PLAN_WITH_SIDES = compile_skipping(
    r"\b(?:will|shall|(?:are|is)\s+(?:to|set\s+to|due\s+to|expected\s+to))\s+(?:\w+\s+){0,2}?(?:return\s+to\s+the\s+(?:negotiating\s+)?table|"
    r"have\s+(?:a|an|their|its|the)\s+(?:[\w-]+\s+)?(?:meeting|round|session))\b"
    # "they are due back at the table on the 17th, in X"
    r"|\b(?:will\s+be|(?:are|is)\s+(?:due|expected|set))\s+back\s+(?:at|to)\s+the\s+(?:negotiating\s+)?table\b",
    _I,
)
# "the exchange of prisoners agreed in X last December": where a deal was made, never the venue of
# talks to come (not "agreed to meet in X")
DEAL_MADE_IN_BEFORE = gated(
    compile_skipping(
        # (not "agreed will open in X", "agreed would be held in X": the plan agreed)
        r"\b(?:agreed|signed|reached|struck|sealed|initial+ed|inked|concluded)\s+"
        r"(?:(?!to\b|will\b|would\b|shall\b|should\b|be\b)[\w'’-]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$",
        _I,
    )
)
