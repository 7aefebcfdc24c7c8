"""Talks records from clean English text, its entities and resolved dates.

Sentence by sentence: a sentence that mentions talks (talks, negotiations, a meeting, a summit,
"will meet") gets a status from its wording, then parties, mediators, venue, dates, format,
round and delegation heads from the entities around the cue words. Records about one event
(agreeing dates and places) are merged across sentences; a city named for the venue country
refines a country-level location. Business, labour and sports "talks" are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from parley.shared.extraction import Entity, TalksFormat, TalksRecord, TalksStatus

from . import talks_cues as cue
from .dates import ASIDE, CALENDAR_WORDS, FoundDate
from .entities import extract_entities
from .gazetteer import HOME_STATES, INSTITUTION_SEATS, INSTITUTIONS, RIVAL_PAIRS, NameEntry, gazetteer
from .skip_ahead import compile_skipping, count_at_words, lead_words
from .talks_formats import with_format

_SENTENCE_END = compile_skipping(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = frozenset(
    [
        "U.S",
        "U.N",
        "U.K",
        "E.U",
        "D.C",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Gen",
        "Lt",
        "Col",
        "Sen",
        "Rep",
        "St",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "No",
        "Gov",
        "Prof",
        "Jr",
        "Sr",
        "Inc",
        "Co",
        "Corp",
        "vs",
        "Maj",
        "Brig",
        "Capt",
        "Adm",
    ]
)
_DATELINE = compile_skipping(r"^.{2,60}?(?:\([A-Z][^()\n]{1,60}\)\s*[-—–:]?|\s[-—–]+\s|[—–]|:\s|\n)")
_NEGATION_HINT = compile_skipping(
    r"\bno\b|\bnot\b|\bnothing\b|\bnone\b|\bneither\b|denie|\bdeny\b|dismiss|reject|ruled|false|fake|baseless|groundless|untrue|"
    r"fabricat"
)
_CAPITAL_AFTER = compile_skipping(r"^(?:['’]s)?\s+capital\b")
_SIDES_BETWEEN_BEFORE = compile_skipping(
    r"\b(?:take\s+place|be\s+held|will\s+(?:\w+\s+)?(?:meet|begin|start|resume|open))\b"
    # ... with no topic worded before the "between" ("to discuss the truce between A and B")
    r"(?:(?!\b(?:discuss\w*|over|about|regarding|concerning|mediat\w*|truce|ceasefire|deal|agreement|corridor|"
    r"relations|ties)\b)[^;])*$",
    re.IGNORECASE,
)
_CONFLICT_BEFORE = compile_skipping(
    r"\b(?:war|conflict|dispute|fighting|tensions?|hostilities|clashes|rivalry|feud|relations|ties|border)\b"
    r"(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
# "the Cambodian side": a name that is a side, whatever the verb before it
_A_SIDE_AFTER = compile_skipping(r"\s+side\b")
_ONE_SIDE_END = compile_skipping(r"\s*(?:[,.;]|$|(?:in|on|at|next|this|later|from|for|to)\b)")
_LIST_AFTER = compile_skipping(r",\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,|and\b)")
_ADDRESS_END = compile_skipping(r"\s*(?:[,.;:)]|$|(?:on|in|at|for|from|next|this|later|early|between)\b)")
_LOOSE_BETWEEN = compile_skipping(r"\bbetween\s+(?:the\s+)?[^,;.]{0,40}?\s+and\s+(?:the\s+)?\S+")
_STOPPED: frozenset[str] = frozenset({"denied", "cancelled", "postponed"})
# "the A-B border" as a place; "the A-B border dispute" is a topic
_BORDER_AFTER = compile_skipping(
    r"\s+(?:border|frontier|boundary)\b(?!\s+(?:dispute|issue|row|question|demarcation|conflict|tensions?|clash\w*|"
    r"crisis|deal|agreement|security|situation|talks|negotiations|commission|committee))"
)
# "the A-B war" is the subject; "A-B war talks" still names the sides
_PAIR_TOPIC_AFTER = compile_skipping(
    r"\s+(?:war|conflict|fighting|hostilities)\b(?!\s+(?:talks|negotiations|meetings?|summit|dialogue)\b)",
    re.IGNORECASE,
)
# "Russia, Turkey, Iran leaders to hold Syria summit": one state right before the talks word,
# while others are the sides, is what the talks are about
_SUBJECT_AFTER = compile_skipping(
    r"\s+(?:peace\s+|crisis\s+|security\s+)?(?:summit|conference)\b", re.IGNORECASE
)
_LISTED_BEFORE = compile_skipping(r"(?:,|\band|&|[-–])\s*$")
_BORDER_BEFORE = compile_skipping(r"\b(?:on|at|near|along|in)\s+(?:the\s+)?$", re.IGNORECASE)
_SPEECH = compile_skipping(r"\b(?:said|says|told|announced|stated|added)\b")
_ON_AGENDA_AFTER = compile_skipping(
    r"(?:(?:,|\s+and)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)*\s+(?:on|top|tops|atop|high\s+on)\s+(?:the\s+)?agenda\b",
    re.IGNORECASE,
)
# "... and will have in its agenda the incorporation of A into the union which B and C formed": what
# follows names the agenda, not who meets
_AGENDA_OPENS = compile_skipping(
    r"\b(?:have|has|had)\s+(?:in|on)\s+(?:its|their|the)\s+agenda\b", re.IGNORECASE
)
_CAPTIVES_HELD_BEFORE = compile_skipping(
    r"\b(?:hostages|prisoners|detainees|captives|soldiers|people)\s+(?:still\s+|being\s+)?held\s+(?:captive\s+)?in\s+$",
    re.IGNORECASE,
)
_TERRITORY_AFTER = compile_skipping(r"\s+(?:territory|soil)\b")
_ON_BEFORE = compile_skipping(r"\b(?:on|in)\s+(?:the\s+)?$")
# ", which broke down in February after X skipped a session in Y," before the main clause's verb
_PAST_RELATIVE = compile_skipping(
    r",\s+(?:which|who)\s+(?:had\s+)?(?:broke|ended|collapsed|stalled|met|took|failed|began|opened|last)\b"
    r"[^;]{0,200}?,(?=\s+(?:will|would|is|are|has|have)\b)",
    re.IGNORECASE,
)
# "dismissed reports that the meeting had been cancelled": the stop is what is denied
_DENIED_STOP = compile_skipping(
    r"\b(?:denied|denies|denying|dismiss(?:ed|es|ing)|reject(?:ed|s|ing))\s+(?:\w+\s+){0,4}?(?:reports?|claims?|rumou?rs?)"
    r"\s+that\s+[^.;]{0,60}?\b(?:cancell?ed|called\s+off|postponed|delayed)\b",
    re.IGNORECASE,
)
_WARRING_SIDES = compile_skipping(
    r"\b(?:warring|rival|feuding)\s+(?:parties|sides|factions|camps|generals)\b", re.IGNORECASE
)
_SAID_THAT_BEFORE = compile_skipping(r"\b(?:said|told\s+\w+)\s+(?:that\s+)?[^,;.]{0,45}$", re.IGNORECASE)
_OTHER_EVENT_CLAUSE_BEFORE = compile_skipping(
    r"\b(?:conference|forum|fair|festival|ceremony|games|expo|exhibition|assembly)\s+(?:that|which)\s+[^,;.]{0,35}$",
    re.IGNORECASE,
)
_REPORTS_HINT = compile_skipping(r"\b(?:reports?|claims?|rumou?rs?)\b", re.IGNORECASE)
_ROLE_HINT = compile_skipping(r"guarantor|accompanying|mediators|facilitators|observers|co-chairs|companions")
_PAIR_MEDIATION_AFTER = compile_skipping(
    # ("accepted a joint Saudi-American invitation to send delegations back to Jeddah")
    r"\s+(?:joint\s+)?(?:mediation|mediators|facilitation|facilitators|invitation|initiative)\b",
    re.IGNORECASE,
)
_WITH_AS_MEDIATORS = compile_skipping(
    r"\bwith\s+(?P<list>[^;]{3,120}?)\s+(?:taking\s+part|acting|serving|participating|present)\s+as\s+(?:the\s+)?"
    r"(?:mediators|facilitators|go-betweens|co-mediators|guarantors|guarantor\s+(?:countries|states|nations))\b"
    # "..., and Brazil, Chile and Mexico as companions": the second list of the same clause
    r"(?:\s+and\s+(?P<also>[^;]{3,80}?)\s+as\s+(?:the\s+)?(?:companions|accompanying\s+(?:countries|states)|observers|"
    r"guarantors|facilitators)\b)?",
    re.IGNORECASE,
)
_CO_FACILITATORS = compile_skipping(
    # (the object of the verb only between: not "mediating a deal under which A together with B will meet")
    r"\b(?:facilitating|mediating|brokering|co-chairing|convening|facilitates|mediates)\s+(?:the\s+|these\s+|those\s+)?"
    r"(?:process|talks|negotiations|dialogue|meeting|meetings|contacts|round)\s+together\s+with\s+(?:the\s+)?",
    re.IGNORECASE,
)
_FRONTED_SOURCE_AFTER = compile_skipping(
    r",\s+(?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,5}?(?:spokes\w+|officials?|minister|ministry|sources?|"
    r"diplomats?|envoy|statement|government)\b[^.;]{0,60}?\b(?:said|says|told|confirmed|announced|insisted)\b",
    re.IGNORECASE,
)
# "both sides had accepted an invitation to talks, and the delegations sat down on 6 May": the invited
# meeting took place
_MET_PAST = compile_skipping(
    # (the invited meeting itself, in the main clause: not "after their delegations, which sat down in X, ...")
    r"\band\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:delegations|sides|teams|negotiators|parties|they)\s+"
    r"(?:sat\s+down|met|gathered)\b",
    re.IGNORECASE,
)
_STATEMENT_DAY_BEFORE = compile_skipping(
    r"\b(?:made\s+public|issued|released|published|dated|said|announced|confirmed)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_NEIGHBOURS_OF_BEFORE = compile_skipping(
    r"\bneighbou?r(?:s|ing\s+(?:countries|states))\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
# "the envoy has not yet been able to convene the round table": a plan that failed, not one made
_NOT_ABLE_TO_CONVENE = compile_skipping(
    r"\b(?:(?:has|have|had)\s+not|(?:hasn['’]t|haven['’]t|hadn['’]t)|(?:was|were)\s+not|(?:wasn['’]t|weren['’]t))\s+"
    r"(?:yet\s+|so\s+far\s+|ever\s+)?(?:been\s+)?able\s+to\s+(?:convene|hold|organi[sz]e|arrange|bring)\b"
    # "the envoy has been trying to convene a seventh session": an effort, not a plan made
    r"|\b(?:has|have|had)\s+been\s+(?:trying|seeking|struggling|working|pushing|hoping)\s+(?:for\s+\w+\s+)?to\s+"
    r"(?:convene|organi[sz]e|arrange|set\s+up|bring\s+together)\b",
    re.IGNORECASE,
)
# "ministers will meet on Monday and are expected to discuss whether the bloc should convene a meeting
# between A and B": the meeting between the sides is a question put, not a plan
_WHETHER_TO_CONVENE = compile_skipping(
    r"\b(?:discuss|consider|weigh|decide|debate|examine)\w*\s+whether\s+[^.;]{0,80}?\b(?:should|would|could|to)\s+"
    r"(?:convene|hold|host|call|organi[sz]e|summon|invite)\b",
    re.IGNORECASE,
)
# "will travel to X next week to attend the World Economic Forum's annual meeting": a trip to a forum,
# not talks (unless the sentence names talks too)
_TO_ATTEND_EVENT = compile_skipping(
    r"\bto\s+attend\s+(?:the\s+|an?\s+)?(?:[\w'’.-]+\s+){0,5}?(?:annual\s+meeting|forum|expo|fair|festival|games|"
    r"ceremony|inauguration|funeral|congress|exhibition)\b",
    re.IGNORECASE,
)
_TALKS_NAMED = compile_skipping(
    r"\b(?:talks|negotiations|bilateral|consultations|summit|round)\b", re.IGNORECASE
)
# "a conference marking the anniversary will be held on Friday": a commemoration, not talks
_COMMEMORATION = compile_skipping(
    r"\b(?:conference|event|ceremony|gathering|symposium|meeting|forum)\s+(?:marking|commemorating|celebrating|"
    r"to\s+(?:mark|commemorate|celebrate))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?anniversary\b",
    re.IGNORECASE,
)
# "EU foreign ministers will meet in X on Monday to approve sanctions against Y": a bloc deciding its
# own measures, not talks with Y
_TO_DECIDE_SANCTIONS = compile_skipping(
    r"\b(?:meet|gather|convene)\b[^.;]{0,80}?\bto\s+(?:approve|adopt|agree(?:\s+on)?|impose|sign\s+off(?:\s+on)?|endorse|"
    r"finali[sz]e|extend|renew)\s+(?:[\w-]+\s+){0,6}?sanctions\b",
    re.IGNORECASE,
)
_SEPARATE_MEETINGS = compile_skipping(
    r"\b(?:hold|have|holding)\s+separate\s+(?:meetings|talks|consultations|discussions)\b", re.IGNORECASE
)
# (... "before the joint session": the separate meetings lead to one between them)
_BEFORE_JOINT = compile_skipping(
    r"\b(?:before|ahead\s+of)\s+(?:the|a)\s+(?:joint|direct|face-to-face)\b", re.IGNORECASE
)
_WITH_BEFORE = compile_skipping(r"\b(?:talks|meeting|negotiations)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_OTHER_CLAUSE = compile_skipping(
    r",\s+(?:but|after|(?:\w+\s+)?(?:days|weeks|months|years)\s+after|since|although|though|while|whereas)\b",
    re.IGNORECASE,
)


def _clause_end(sentence: str, at: int) -> int:
    m = _OTHER_CLAUSE.search(sentence, at)
    return m.start() if m is not None else len(sentence)


_IN_PLACE_AFTER = compile_skipping(
    r"\b(?:in|at)\s+(?:the\s+)?(?:(?:[\w-]+\s+)?capital,?\s+)?(?-i:[A-Z])[\w'’-]+"
)
_SPEAKER_GOES_AFTER = compile_skipping(
    r"^(?:['’]s\s+[\w-]+)?\s+(?:said|says|announced|confirmed)(?:\s+on\s+\w+)?\s+(?:that\s+)?(?:it|they)\s+(?:will|would)\s+"
    r"(?:also\s+)?(?:send|dispatch|travel|attend|join|take\s+part)\b",
    re.IGNORECASE,
)
_FROM_DAY_BEFORE = compile_skipping(r"\bfrom\s+(?:this\s+|next\s+|on\s+)?$", re.IGNORECASE)
_INTERNAL_AFTER = compile_skipping(
    r"(?:\s+(?!after\b|following\b|before\b)[\w'’-]+){0,4}?\s+internal\s+(?:consultations|meetings?|talks|discussions|"
    r"deliberations)\b",
    re.IGNORECASE,
)
# (a condition on the sides' will, not "If all goes well, ...")
_POSSESSIVE_TALKS_AFTER = compile_skipping(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit|round|session|negotiations)\b", re.IGNORECASE
)
_IF_OPENS = compile_skipping(
    r"[\W]*(?:If|Unless|Should)\s+[^,;.]{0,60}?\b(?:wants?|wish(?:es)?|agrees?|accepts?|(?:is|are)\s+(?:ready|willing)|"
    r"decides?|chooses?|asks?)\b[^,;.]{0,40},"
)
# "will resume only when ...", "will meet only if ...", right after the plan's verb
_ONLY_IF_AFTER = compile_skipping(r"(?:\s+[\w'’-]+){0,4}?\s+only\s+(?:when|if|once)\b", re.IGNORECASE)
# "I will convene a meeting when there is a real readiness": a condition, not a plan
_HAD_AGREED_NEVER_HELD = compile_skipping(
    r"\bhad\s+(?:been\s+)?(?:agreed|planned|scheduled|set)\b[^.;]*\bbut\s+(?:(?:it|that|the|this)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:never\s+(?:took\s+place|happened|materiali[sz]ed)|did\s+not\s+(?:take\s+place|happen)|fell\s+through)\b",
    re.IGNORECASE,
)
_WHEN_THERE_IS_AFTER = compile_skipping(
    r"[\w'’-]*(?:\s+[\w'’-]+){0,8}?\s+(?:when|if|once)\s+(?:there\s+(?:is|are|will\s+be)\b|"
    # "will go to X when the conditions are met"
    r"(?:the\s+)?(?:right\s+|necessary\s+)?conditions\s+(?:are|will\s+be|have\s+been)\s+(?:met|right|ripe|in\s+place)\b)",
    re.IGNORECASE,
)
_IF_AFTER = compile_skipping(r"\b(?:if|unless|provided\s+that|as\s+long\s+as)\b", re.IGNORECASE)
_OPENING_DAY = compile_skipping(r"\s*(?:On|on|Earlier|Late|Early)?\s*(?:on\s+)?$")
_MEETING_OF = compile_skipping(r"(?:meeting|summit|gathering)\s+of\b", re.IGNORECASE)
# "a visit by a team of the IAEA to Tehran for talks"
_TO_CAPITAL_FOR_TALKS = compile_skipping(
    r"\s+(?:to|in)\s+(?-i:[A-Z])[\w-]+\s+for\s+(?:talks|consultations|negotiations)\b", re.IGNORECASE
)
_TEAM_OF_BEFORE = compile_skipping(
    # ... or its chief: "the head of the International Atomic Energy Agency will travel to X for talks"
    r"\b(?:delegation|team|mission|inspectors|experts|officials|head|chief|chairperson|chairman|"
    # ... or its members' ministers: "foreign ministers of the six-member GCC will hold a meeting with X"
    r"director[- ]general|secretary[- ]general|ministers)\b[^.;,]{0,40}?\b(?:from|of)\s+(?:the\s+)?(?:\w+-member\s+)?$",
    re.IGNORECASE,
)
_REQUEST_AFTER = compile_skipping(
    r"['’]s\s+(?:request|invitation|behest|initiative|suggestion|insistence|urging)\b", re.IGNORECASE
)
_SPEECH_TAG = compile_skipping(r",\s+(?:[\w-]+\s+){1,5}?(?:said|says|told)\b[^,.;]{0,30},")
_RESCHEDULE = compile_skipping(r"\breschedul(?:e|ed|ing)\b", re.IGNORECASE)
# "the UN Support Mission in Libya": a body's name, neither venue nor side
_AUSPICES = compile_skipping(r"\bunder\s+the\s+(?:auspices|aegis|mediation)\s+of\b", re.IGNORECASE)
_PAIR_BETWEEN = compile_skipping(
    r"\b(?:relations|ties|rapprochement|normali[sz]ation|tensions|dispute)\s+between\s+(?:the\s+)?",
    re.IGNORECASE,
)
_INVITATIONS_TO_BEFORE = compile_skipping(
    r"\binvitations?\s+(?:(?:have|has|had|were|was)\s+been\s+)?(?:(?:sent|issued|extended)\s+)?to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OLD_VENUE_BEFORE = compile_skipping(
    r"\b(?:no\s+longer\s+(?:take\s+place|be\s+held|meet)|rather\s+than|instead\s+of)\s+"
    # ("instead of August 21 in X": the old day and place)
    r"(?:(?:on\s+)?(?:[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+day)\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "which was to have been held in X on Monday, will instead take place in Y": X is the old plan's, when
# another place follows (a postponement alone keeps it)
_WAS_TO_HAVE_BEFORE = compile_skipping(
    r"\b(?:was|were)\s+(?:to\s+have\s+(?:been\s+held|taken\s+place|met|opened)|(?:originally\s+)?(?:due|set|scheduled|planned)"
    r"\s+to\s+(?:be\s+held|take\s+place))\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DISSIDENTS = compile_skipping(r"\s+(?:dissidents?|splinter|breakaway)\b", re.IGNORECASE)
# "a guerrilla group that broke away from the ELN", "a splinter of X": the group it came from
_BROKE_AWAY_BEFORE = compile_skipping(
    r"\b(?:broke\s+away|split(?:\s+off)?|splintered|breakaway\s+faction|splinter(?:\s+group|\s+faction)?|"
    r"dissident\s+faction|offshoot)\s+(?:from|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a faction formed by former FARC commanders": the group its members came from is no side
_FORMER_MEMBERS_BEFORE = compile_skipping(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
_MEMBERS_AFTER = compile_skipping(
    r"\s+(?:commanders|members|fighters|leaders|combatants|guerrillas|militants|rebels|cadres)\b",
    re.IGNORECASE,
)
_BODY_NAME_BEFORE = compile_skipping(
    r"\b(?:Mission|Office|Envoy|Representative|Coordinator|Operation|Force|Embassy|Delegation)\s+(?:in|to|for|on)\s+"
    r"(?:the\s+)?$"
)
_NOT_INVITED = compile_skipping(
    r"(?i)\bneither\b[^.;]{0,80}?\bnor\b[^.;]{0,50}?\b(?:has|have|was|were|is|are|will|would)\s+(?:not\s+)?"
    r"(?:been\s+|be\s+)?(?:invited|included|participate|attend|take\s+part|taking\s+part)\b"
)
# "the Afghan interim government had not been invited", "the M23 itself has not been invited"
_NOT_INVITED_SIDE = compile_skipping(
    r"(?-i:[A-Z])[\w'’-]*(?:\s+(?!(?:said|says|told|that|and|but)\b)[\w'’-]+){0,3}?\s+"
    r"(?:has|had|have|was|were|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:invited|included)\b",
    re.IGNORECASE,
)
_GO_BETWEEN_APPOSITION = compile_skipping(
    r"\b(?:envoy|mediator|facilitator)\s*,\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:diplomat|national|official|politician|minister)\b[^,;.]{0,80}?,",
    re.IGNORECASE,
)
_MEDIATORS_FROM = compile_skipping(
    r"(?i)\b(?:mediators?|facilitators?|go-betweens|brokers)\s+(?:from|of)\s+(?:the\s+)?"
    # "convened by mediators Egypt, Qatar and the United States": the list in apposition
    r"|\b(?:mediators|facilitators|go-betweens|brokers)\s+(?=(?-i:[A-Z]))"
    # "on behalf of the guarantor countries, A, B and C, and the accompanying countries D and E"
    r"|\b(?:guarantor|accompanying)\s+(?:countries|states|nations),?\s+(?=(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)*(?:,|\s+and)\s+(?:the\s+)?(?-i:[A-Z]))"
)
_SAME_SIDE = {"Cyprus": "Greek Cypriots"}
_YEAR = compile_skipping(r"\b(?:19|20)\d\d\b")
# "World | Fri May 31, 2019 | 5:47pm EDT": a web page's stamp, not a day in the story
# (... or a press release's dateline: "Addis Ababa, 3 October 2022 - The Chairperson will ...")
_PAGE_STAMP_AFTER = compile_skipping(r"\s*(?:\||\d{1,2}:\d{2}\s*(?:[ap]\.?m\b|GMT|UTC|[A-Z]{2,4}\b)|[-—–]\s)")
_OLD_PLAN_BEFORE = compile_skipping(r"(?i)\b(?:planned|scheduled|originally|initially|due|set)\b")
_ACTED_TODAY_BEFORE = compile_skipping(
    r"\b(?:invited|agreed|accepted|announced|decided|confirmed|proposed)\s+(?:[\w'’-]+\s+){0,5}?on\s+$",
    re.IGNORECASE,
)
_WEEKDAY_ONLY = compile_skipping(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
_SAME_DAY = compile_skipping(r"(?i)today|tonight|this\s+(?:morning|afternoon|evening)|later\s+today")
_PARTY_KINDS = frozenset({"country", "armed_group"})
_NOT_PLACES = CALENDAR_WORDS | frozenset(
    [
        "The",
        "This",
        "That",
        "Which",
        "Order",
        "Response",
        "Light",
        "Palais",  # "at Palais des Nations": a building, whose city the text names elsewhere
        # "will hold formal talks at Parliament": a house of state, in the city named elsewhere
        "Parliament",
        "Congress",
        "Senate",
        "Headquarters",
        "Government House",
        "State House",
    ]
)
_CAMEO = {
    "announced": "036",
    "rescheduled": "036",
    "proposed": "036",
    "postponed": "036",
    "denied": "036",
    "cancelled": "036",
    "held": "046",
}


@dataclass
class _Draft:
    status: TalksStatus
    evidence: str
    parties: list[str] = field(default_factory=list)
    explicit: set[str] = field(default_factory=set)
    ruled_out: set[str] = field(default_factory=set)  # never a side here: mediator, topic, old venue
    mediators: list[str] = field(default_factory=list)
    location: Entity | None = None
    start: date | None = None
    end: date | None = None
    date_text: str | None = None
    stated_format: str | None = None
    round: str | None = None
    heads: list[str] = field(default_factory=list)
    weak: bool = False
    also: tuple[str, ...] = ()  # the other sentences merged into this mention

    def texts(self) -> list[str]:
        return [self.evidence, *self.also]


def sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        word = text[max(0, m.start() - 6) : m.start()].rsplit(" ", 1)[-1].rstrip(".")
        if "\n" not in m.group() and (word in _ABBREVIATIONS or (len(word) == 1 and "A" <= word <= "Z")):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


_LOWER_NEXT = compile_skipping(r"\s*[a-z]")


def dateline_end(text: str) -> int:
    """End offset of a wire dateline ("NAIROBI, Oct 21 (Reuters) -") or 0."""
    m = _DATELINE.match(text[:130])
    if not m:
        return 0
    if m.group().rstrip()[-1:] == ")" and _LOWER_NEXT.match(text, m.end()):
        return 0  # "The Gulf Cooperation Council (GCC) will meet ...": a lede's subject, not a dateline
    head = re.sub(r"\([^)]*\)", "", m.group())  # "(Wire - Agency / Outlet - 3rd May, 2030 )"
    if len(head.split()) > 8:
        return 0
    words = [w for w in re.split(r"[\s,/-]+", head) if w.strip("—–:.")]
    if words and all(w[0].isupper() or w[0].isdigit() for w in words):
        return m.end()
    return 0


_PARAGRAPH_START = re.compile(r"\n\s*(?=\S)")
_CREDIT_WITHIN = 600  # a dateline opens the story, after at most a standfirst
_CREDIT_END = re.compile(r"\s*[-—–:]")


def dateline_credits(text: str) -> list[tuple[int, int]]:
    """Spans of the parenthesised credit of a wire dateline that opens a later paragraph, after a
    standfirst ("Lima, (Wire / Some Country Daily - 3rd May, 2030 ) :"): an outlet, not an actor."""
    found: list[tuple[int, int]] = []
    for m in _PARAGRAPH_START.finditer(text, 0, _CREDIT_WITHIN):
        at = m.end()
        end = dateline_end(text[at : at + 200])
        opens = text.find("(", at, at + end) if end else -1
        closes = text.find(")", opens, at + end) if opens >= 0 else -1
        # (a credit is followed by the dateline's dash or colon: not "X (ABC) Leader Y will meet ...")
        if closes > opens and _CREDIT_END.match(text, closes + 1):
            found.append((opens, closes + 1))
    return found


def _is_to(sentence: str) -> re.Match[str] | None:
    m = cue.IS_TO.search(sentence)
    return m if m is not None and not cue.PURPOSE_BEFORE.search(sentence, 0, m.start()) else None


def _sides_elsewhere(sentence: str, clause: re.Match[str]) -> bool:
    """ "Kazakhstan, which has not been able to convene the format, will host A, B and C for talks":
    the clause that is no plan leaves two sides of a plan of its own outside it."""
    # A question put runs to the end of its sentence ("discuss whether to convene a meeting between A and
    # B"), and so do a sanction's targets ("meet to approve sanctions against A over its deliveries to B");
    # capitals are where someone went, not sides ("the envoy, who visited A and B, has not been able to").
    end = len(sentence) if re.search(r"whether|sanctions", clause.group(), re.IGNORECASE) else clause.end()
    sides = {
        e.name
        for e in extract_entities(sentence)
        if e.kind in {"country", "armed_group"}
        and not clause.start() <= e.start < end
        and not _stands_for_state(e)
    }
    return len(sides) >= 2


_MAYBE_MODAL = compile_skipping(
    r"\b(?:could|might|may)\s+(?:\w+\s+)?(?:resume|meet|begin|start|take\s+place|be\s+held)\b", re.IGNORECASE
)
_NOBODY_CONFIRMED_BEFORE = compile_skipping(
    r"\b(?:neither|nobody|no\s+one|none)\b[^,.;]{0,60}?\b(?:has|have|had)\s+(?:yet\s+)?"
    r"(?:confirmed|said|announced|agreed)\s+(?:that\s+)?(?:it|they|he|she)?\s*$",
    re.IGNORECASE,
)


_ORGAN_HINTS = (
    "council",
    "assembly",
    "board",
    "routine",
    "every",
    "hearing",
    "cabinet",
    "committee",
    "session",
    "sitting",
)


def _organ_sits(sentence: str, low: str | None = None) -> bool:
    """A standing organ's own sitting ("the security cabinet will meet on Sunday"), not talks between sides."""
    low = sentence.lower() if low is None else low
    return any(h in low for h in _ORGAN_HINTS) and cue.ORGAN_SITS.search(sentence) is not None


def _status(
    sentence: str,
    has_future_date: bool,
    journeys: bool = True,
    ahead: bool = False,
    own_day: bool = True,
) -> tuple[TalksStatus | None, bool]:
    """(status, weak) from the sentence wording; `journeys`: a journey for talks on a day ahead is a
    plan (not in headlines, whose present tense also reports trips made); `ahead`: the sentence
    names a day or week after the publication day (the present tense of a meeting then plans it);
    `own_day`: a day from today on is named other than as the day a statement was made."""
    low = sentence.lower()
    if _organ_sits(sentence, low):
        return None, False  # a standing organ's sitting, not talks between sides
    aside = (
        (("able" in low or "been" in low) and _NOT_ABLE_TO_CONVENE.search(sentence))
        or ("whether" in low and _WHETHER_TO_CONVENE.search(sentence))
        or ("anniversary" in low and _COMMEMORATION.search(sentence))
        or ("sanctions" in low and _TO_DECIDE_SANCTIONS.search(sentence))
    )
    if aside and not _sides_elsewhere(sentence, aside):
        return None, False
    if "separate" in low and _SEPARATE_MEETINGS.search(sentence) and not _BEFORE_JOINT.search(sentence):
        return None, False  # "the envoy will hold separate meetings with A, B and C": no table between them
    if _NEGATION_HINT.search(low) and cue.DENIED.search(sentence):
        return "denied", False
    if ("never" in low or "not" in low or "fell" in low) and _HAD_AGREED_NEVER_HELD.search(sentence):
        # "had agreed that the next session would be held in X, but it never took place"
        return "cancelled", False
    if cue.REJECTED_OFFER.search(sentence) and not cue.OFFER_TAKEN.search(sentence):
        return "denied", False  # the plan proposed is turned down
    if "attend" in low and _TO_ATTEND_EVENT.search(sentence) and not _TALKS_NAMED.search(sentence):
        return None, False
    original = sentence
    sentence = cue.NEGATED_FUTURE.sub(" ", sentence) if "not" in low or "n't" in low else sentence
    if not cue.OFFER_TAKEN.search(sentence):
        sentence = cue.OFFERED_PLAN.sub(" ready to ", sentence)
    strong = (
        cue.STRONG_FUTURE.search(sentence)
        or _is_to(sentence)
        or (("when" in low or "back to" in low) and cue.STRONG_RARE.search(sentence))
        or (("focus" in low or "cent" in low or "concentrate" in low) and cue.AGENDA_AHEAD.search(sentence))
        or ("delegation" in low and cue.LEAD_DELEGATIONS_AT.search(sentence))
    )
    while strong and (
        cue.OTHER_EVENT_BEFORE.search(sentence, max(0, strong.start() - 30), strong.start())
        # "could meet on the sidelines of a conference that Italy plans to host": the conference's plan
        or _OTHER_EVENT_CLAUSE_BEFORE.search(sentence, max(0, strong.start() - 60), strong.start())
        # "the coalition will hold a week of internal consultations": one side among itself
        or _INTERNAL_AFTER.match(sentence, strong.end())
    ):
        strong = cue.STRONG_FUTURE.search(sentence, strong.end())  # "before the election, scheduled for May"
    # "urged the AU to convene the three countries" is a call, "would not say whether a meeting will
    # take place" a question: the plan, if any, is worded further on
    while (
        strong
        and (
            (
                strong.group().lower().startswith("to ")
                and cue.URGED_BEFORE.search(sentence, max(0, strong.start() - 120), strong.start())
            )
            or _WHETHER_BEFORE.search(sentence, max(0, strong.start() - 70), strong.start())
            # "though neither Washington nor Beijing has confirmed their attendance": nobody has
            or (
                strong.group()[:2].lower() == "ha"
                and _NOBODY_BEFORE.search(sentence, max(0, strong.start() - 60), strong.start())
            )
            # "could resume ..., though neither A nor B has confirmed it will send a delegation" (a
            # plan only in doubt of who attends stays: "nobody has said they will attend the talks on X")
            or (
                _NOBODY_CONFIRMED_BEFORE.search(sentence, max(0, strong.start() - 90), strong.start())
                and _MAYBE_MODAL.search(sentence, 0, strong.start())
            )
        )
    ):
        strong = cue.STRONG_FUTURE.search(sentence, strong.end())
    history = cue.HISTORY.search(sentence)
    if (
        history
        and strong
        # "were scheduled for noon", not "will take place in X rather than in Y as previously planned"
        and history.start() <= strong.start() < history.end()
        and not cue.STRONG_FUTURE.search(sentence, history.end())
        # (not "officials said a delegation was expected in X on Tuesday": reported, with its day ahead)
        and not (
            has_future_date
            and _SAID_THAT_BEFORE.search(sentence, max(0, history.start() - 60), history.start())
        )
    ):
        strong = None  # "were scheduled for noon": an old plan, not a new one
    if strong and _MODAL_BE_BEFORE.search(sentence, max(0, strong.start() - 24), strong.start()):
        strong = None  # "a summit could be planned for next month": a possibility, not a plan
    undated = cue.NO_NEW_DATE.search(sentence) if strong else None
    if strong and undated and undated.start() <= strong.start() < undated.end():
        strong = cue.STRONG_FUTURE.search(sentence, undated.end())  # "with no date set for the next round"
    if strong and cue.NEVER_HAPPENED.search(sentence, strong.end()):
        strong = None  # "agreed to hold a second round in X, but that round never took place"
    put_off = cue.POSTPONED.search(original)
    if put_off is not None and cue.OTHER_MATTER_AFTER.match(original, put_off.end()):
        put_off = None  # "..., but the president postponed the vote indefinitely": something else put off
    if (put_off or _RESCHEDULE.search(original)) and cue.NO_NEW_DATE.search(original):
        return "postponed", False  # "postponed, without giving a new date": no new plan yet
    if cue.RESCHEDULED.search(sentence) and (
        strong or has_future_date or cue.POSTPONED_TO_VAGUE.search(sentence)
    ):
        return "rescheduled", False
    if put_off is not None and not (_REPORTS_HINT.search(original) and _DENIED_STOP.search(original)):
        # (a statement's own day is no new date: "..., has been postponed, the ministry said on Friday")
        if (cue.POSTPONED_TO.search(sentence) or strong) and has_future_date and own_day:
            return "rescheduled", False
        if strong and ahead and strong.start() > put_off.end():
            return (
                "rescheduled",
                False,
            )  # "... that was postponed last month will take place in X in the first week of August"
        if cue.POSTPONED_TO_VAGUE.search(sentence):
            return "rescheduled", False  # "postponed to early May": a new time, if not yet a day
        return "postponed", False
    if (
        cue.CANCELLED.search(sentence)
        and not (_REPORTS_HINT.search(sentence) and _DENIED_STOP.search(sentence))
    ) or _NO_LONGER.search(original):
        return "cancelled", False
    if strong and (
        _ONLY_IF_AFTER.match(sentence, strong.end()) or _WHEN_THERE_IS_AFTER.match(sentence, strong.end())
    ):
        return "proposed", False  # "discussions will resume only when the parties ...": a condition
    if strong and (opens := _IF_OPENS.match(sentence)) is not None and strong.start() >= opens.end():
        return "proposed", False  # "If the two leaders want to meet, we will open our doors tomorrow"
    if strong:
        return "announced", False
    weak = cue.WEAK_FUTURE.search(sentence)
    if weak and _WHETHER_BEFORE.search(sentence, max(0, weak.start() - 70), weak.start()):
        weak = None  # "asked whether the president would hold talks ...": a question, not a plan
    if weak and _IF_AFTER.search(sentence, weak.end()):
        return "proposed", False  # "would meet in X next Friday if the text is ready": a condition
    if weak or ("would open" in low and cue.TALKS_WOULD_OPEN.search(sentence)):
        return "announced", True
    if (
        (
            (
                (invited := cue.INVITED.search(sentence))
                # (with a day ahead, or a place: "invited ... to an informal meeting in New York")
                and (
                    (has_future_date and own_day)
                    or ahead
                    # (the place in the invitation's own clause: not "..., weeks after it boycotted talks in X")
                    or _IN_PLACE_AFTER.search(sentence, invited.start(), _clause_end(sentence, invited.end()))
                )
            )
            or cue.INVITED_TO_PLACE.search(sentence)
        )
        and not cue.REFUSED.search(sentence)
        and not _MET_PAST.search(sentence)
    ):
        return "announced", False
    trip = cue.TRAVELS_FOR_TALKS.search(sentence) if journeys and has_future_date else None
    if (
        trip
        and not _WHETHER_BEFORE.search(sentence, max(0, trip.start() - 70), trip.start())
        and not _MAYBE_BEFORE.search(sentence, max(0, trip.start() - 12), trip.start())
    ):  # (not "growing doubts that the president will travel to X for talks", "could travel to X")
        return "announced", False
    if cue.PROPOSED.search(sentence):
        return "proposed", False
    present = cue.PRESENT_PLAN.search(sentence) if ahead else None
    if (
        present is not None
        and cue.PRESENT_PLAN_WHO.search(sentence, 0, present.start())  # who meets, before the verb
        # (an aside on something else, "the minister, who met the protesters, said ...", is no round held)
        and not cue.HELD.search(ASIDE.sub(",", sentence[: present.start()] + " " + sentence[present.end() :]))
    ):
        return "announced", True
    # "The data come ahead of talks between A and B in X next week": the talks, dated ahead (not "met on
    # Monday ahead of talks in X next week")
    found = _AHEAD_OF_TALKS.search(sentence) if ahead and "ahead of" in low else None
    if found is not None and not cue.HELD.search(sentence, 0, found.start()):
        return "announced", False
    held = cue.HELD.search(sentence)
    # "said the delegations had agreed to sit down again in X on May 19", "had agreed, in a telephone
    # call ..., to meet in Y on October 30": the agreement is past, the meeting it sets is dated ahead
    if (
        held is not None
        and has_future_date
        and own_day
        and "agreed" in held.group().lower()
        and _AGREED_TO_MEET.match(sentence, held.start())
    ):
        return "announced", False
    if held is not None:
        return "held", False
    return None, False


# the subject of "has confirmed", "have scheduled" is no one
_NOBODY_BEFORE = compile_skipping(r"\b(?:neither|nor|nobody|no\s+one|none)\b[^,.;]{0,40}$", re.IGNORECASE)


_AGREED_TO_MEET = compile_skipping(
    r"agreed\b(?:\s*,[^.;]{1,120}?,)?\s+to\s+(?:meet|sit\s+down|hold\s+(?:talks|a\s+meeting|a\s+summit)|resume\s+talks|"
    r"reconvene|convene)\b",
    re.IGNORECASE,
)


# "ahead of talks between A and B", "ahead of a meeting with X" (the caller wants a day or week ahead)
_AHEAD_OF_TALKS = compile_skipping(
    r"\bahead\s+of\s+(?:(?:the|a|an|their|planned|expected|new|fresh|further|high-level|two-day|three-day)\s+){0,2}"
    r"(?:talks|negotiations|meeting|summit|round\s+of\s+talks)\s+(?:between|with|in|at)\b",
    re.IGNORECASE,
)


def _offset(item: Entity | FoundDate) -> int:
    return item.start


class _Sentence:
    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        entities: list[Entity],
        dates: list[FoundDate],
        skip_before: int,
    ) -> None:
        self.text, self.start, self.end = text, start, end
        lo = max(start, skip_before)  # entities and dates come sorted by offset: slice, don't scan
        self.entities = entities[
            bisect_left(entities, lo, key=_offset) : bisect_left(entities, end, key=_offset)
        ]
        self.dates = dates[bisect_left(dates, lo, key=_offset) : bisect_left(dates, end, key=_offset)]

    def before(self, e: Entity | FoundDate, width: int = 60) -> str:
        return self.text[max(self.start, e.start - width) : e.start]

    def after(self, e: Entity | FoundDate, width: int = 60) -> str:
        return self.text[e.end : min(self.end, e.end + width)]

    def after_clause(self, e: Entity, width: int = 60) -> str:
        """What follows a relative clause right after `e` ("X, which hosted the last round, will
        host ..." gives " will host ..."); "" when none follows it."""
        m = _RELATIVE_CLAUSE.match(self.text[e.end : min(self.end, e.end + 240)])
        return "" if m is None else self.text[e.end + m.end() : min(self.end, e.end + m.end() + width)]


_SAID = r"\s*(?:\([^)]{1,12}\))?\s*,?\s*(?:said|told|announced|stated|confirmed|added|invited|urged)"
_SAID_AFTER = compile_skipping(_SAID + r"\b")
# ... giving the statement its own day: "on 28-29 October, announced today the minister"
_SAID_WHEN_AFTER = compile_skipping(
    _SAID + r"\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening)|on\s+\w+day)\b",
    re.IGNORECASE,
)
_ACCESSION_AFTER = compile_skipping(
    r"(?:['’]s)?\s+(?:accession|membership)\s+(?:talks|negotiations)\b", re.IGNORECASE
)
_SIDES_INTO_PLAN = compile_skipping(
    r"(?:\s*\([A-Z][\w/.-]*\))?"
    # "European Union and Gulf Cooperation Council foreign ministers will meet"
    r"(?:\s+(?:foreign|trade|defen[cs]e|finance|energy|senior)?\s*(?:ministers|leaders|officials|envoys|negotiators))?"
    r"\s+(?:will|are\s+(?:to|set\s+to|due\s+to|expected\s+to|scheduled\s+to)|to|(?:have|has)\s+agreed\s+to)\s+"
    r"(?:\w+\s+)?(?:meet|hold|resume|open|start|begin|launch|sit\s+down)\b"
)
_MAYBE_BEFORE = compile_skipping(r"\b(?:could|might|may)\s+$", re.IGNORECASE)
_BODY_PART_AFTER = compile_skipping(r"\s+(?:secretariat|commission)\b", re.IGNORECASE)
# "... will travel to Tehran on Monday for talks with", "... will lead a delegation to Conakry for consultations"
_TRAVELS_FOR_TALKS_AFTER = compile_skipping(
    r"\s+(?:will|is\s+(?:to|due\s+to|set\s+to|expected\s+to))\s+(?:travel|go|fly|"
    r"lead\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?delegation)\s+to\s+[^.;]{0,80}?\bfor\s+(?:talks|consultations|negotiations)\b",
    re.IGNORECASE,
)
_BODY_TEAM_AFTER = compile_skipping(r"\s+(?:mission|delegation|team|envoys|negotiators)\b", re.IGNORECASE)


def _topic_place(s: _Sentence, e: Entity) -> bool:
    """ "the situation in Gaza", "the war in Darfur": a place the talks are about, not where they meet."""
    before = s.before(e, 40)
    return bool(cue.WAR_IN_BEFORE.search(before) or _SITUATION_IN_BEFORE.search(before)) or _talks_on(s, e)


def _talks_on(s: _Sentence, e: Entity) -> bool:
    """ "talks with his counterpart in X on Friday on Gaza, Sudan and ...": a subject of the talks."""
    return (
        "on " in s.before(e, 4)
        and not _is_demonym(e)  # ("on Russian demands")
        and not _SIDE_OF_AFTER.match(s.after(e, 20))
        and bool(cue.TALKS_LATER_ON_BEFORE.search(s.before(e, 140)))
    )


# not a subject: where they meet ("on the Thai side of the border"), or a side's own file ("talks on
# Monday on Iran's nuclear programme": Iran sits at the table)
_SIDE_OF_AFTER = re.compile(r"(?:\s+(?:side|border|soil|territory|coast|shore)\b|['’]s\b)", re.IGNORECASE)


_TROUBLE_IN = r"(?:situation|crisis|wars?|conflicts?|fighting)\s+in"
_SITUATION_IN_BEFORE = compile_skipping(rf"\b{_TROUBLE_IN}\s+(?:the\s+)?$", re.IGNORECASE)
# "to discuss Libya and Sudan", "the situation in Libya and Sudan": a list of subjects begins
_SUBJECT_LIST_BEFORE = compile_skipping(
    rf"\b(?:{_TROUBLE_IN}|discuss|about|regarding|concerning)\s+(?:the\s+)?$", re.IGNORECASE
)
_BETWEEN_AND = re.compile(r"\s+and\s+")
# "Yemen's Houthis", "Yemen's Iran-backed Houthi movement": a state's possessive on its group
_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:[\w-]+-(?:backed|aligned|allied|led)\s+)?")
# "... Houthi movement and Saudi Arabia": the group's counterpart, joined to it
_GROUP_AND = re.compile(r"(?:\s+(?:movement|group|rebels|militia|fighters))?\s+and\s+(?:the\s+)?")


def _state_then_group(s: _Sentence) -> list[tuple[Entity, Entity]]:
    """A state right before an armed group, or before it with one "X-backed" between."""
    pairs = []
    for i, a in enumerate(s.entities):
        if a.kind != "country":
            continue
        for b in s.entities[i + 1 : i + 3]:
            if b.kind == "armed_group" and b.start - a.end <= 25:
                pairs.append((a, b))
                break
    return pairs


# "on regional issues, including Libya and Sudan": the states listed are subjects
_ISSUES_INCLUDING_BEFORE = compile_skipping(
    r"\b(?:issues|matters|topics|questions|crises|conflicts|files|hotspots)\s*,?\s+(?:including|such\s+as|notably|"
    r"particularly|especially)\s+(?:the\s+)?(?:situations?\s+in\s+)?$",
    re.IGNORECASE,
)
# "A and B will meet ..., amid tensions over C's ties with D": a clause of background, as "after ..." is
_BACKGROUND_CLAUSE = compile_skipping(r"\b(?:after|following|since|amid)\b", re.IGNORECASE)
# what joins the states of one list: "Libya and Sudan", "Gaza, Libya, and Sudan"
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")
_LIST_JOIN_INTO_NAME = re.compile(_LIST_JOIN.pattern + r"(?:[A-Z][\w'’-]*\s+){1,2}")
_CLAUSE_VERB_AFTER = re.compile(r"\s+(?:will|would|has|have|had|is|are|was|were|said|says)\b")
_FOR_TALKS = compile_skipping(r"\b(?:for|to\s+(?:hold|discuss))\b", re.IGNORECASE)
# "a summit could be planned for next month": a modal before the plan's wording
_MODAL_BE_BEFORE = re.compile(
    r"\b(?:could|may|might)\s+(?:well\s+|still\s+|also\s+|even\s+)?be\s+$", re.IGNORECASE
)
# "would not say whether", "growing doubts that the president will travel": a question, not a plan
_WHETHER_BEFORE = compile_skipping(
    r"\b(?:whether|doubts?\s+(?:that|about|over)|(?:unclear|uncertain)\s+if|"
    # "it did not say when the diplomats would meet again": no plan, a question left open
    r"(?:(?:did|does|would|could)\s+not|didn['’]t|declined\s+to|refused\s+to)\s+say\s+when|"
    r"(?:neither\s+(?:side|government|of\s+them)|nobody|no\s+one)\s+said\s+when(?:\s+or\s+where)?)"
    r"\b(?:(?!\bbut\b)[^.;,]){0,70}$",
    re.IGNORECASE,
)
_DECIDED_ON_BEFORE = compile_skipping(
    r"\b(?:agreed|decided|pledged|promised|resolved)\s+(?:on\s+)?$", re.IGNORECASE
)
_TO_AFTER = compile_skipping(r"\s*,?\s*to\b")
# ", which has hosted previous rounds," up to the main clause's verb
_RELATIVE_CLAUSE = compile_skipping(
    r",\s+(?:which|who)\b[^.;]{0,200}?,(?=\s+(?:will|would|is|are|has|have|also|again|plans?\s+to|agreed)\b)",
    re.IGNORECASE,
)
_NO_LONGER = compile_skipping(
    r"\bno\s+longer\s+(?:take\s+place|be\s+held|go\s+ahead|happen)\b", re.IGNORECASE
)
_PLAN_THEN_AFTER = compile_skipping(
    r"\b(?:will|shall|to|set\s+to|due\s+to|expected\s+to)\s+(?:\w+\s+){0,2}?(?:meet|hold|resume|convene|open|begin|start)\b"
    r"[^.;]{0,120}?,\s+(?:after|following)\b",
    re.IGNORECASE,
)
_PLACE_NOUN_AFTER = compile_skipping(
    r"^\s+(?:[\w-]+\s+)?(?:city|town|resort|capital|port|village|island|region|province|enclave|coast)\b"
    # "gas transit through Ukrainian territory", "on Turkish soil": the state's ground, not its government
    r"|^\s+(?:territory|soil|airspace|territorial\s+waters)\b",
    re.IGNORECASE,
)
# "the special envoys on X of A, B and C": the envoys' states follow their remit
_MEMBERS_OF_AFTER = compile_skipping(r"^\s+of\s+(?:the\s+)?(?-i:[A-Z])")
_REMIT_BEFORE = compile_skipping(
    r"\b(?:envoys?|representatives?|coordinator|adviser|advisor|rapporteur|mission|commissioner|panel)\s+(?:for|to|on|in)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _state(e: Entity) -> str | None:
    if e.kind in _PARTY_KINDS:
        return e.name
    if e.kind == "person":
        return e.country
    return None


# "A and the B government have agreed to convene the joint committee": the pair that agrees meets
_AND_BETWEEN = compile_skipping(r"^(?:\s+[\w'’-]+){0,2}?\s+and\s+(?:of\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$")
_AGREE_TO_CONVENE_AFTER = compile_skipping(
    r"^(?:['’]s)?(?:\s+(?:government|side|authorities|delegation)s?)?\s+(?:have\s+|had\s+)?(?:jointly\s+)?"
    r"(?:(?:agreed|agree|decided|decide)(?:\s+on\s+\w+day|\s+today|\s+yesterday)?\s+to\s+(?:jointly\s+)?(?:re)?convene\b"
    # (not "agreed to convene the delegations of C and D", "... talks between C and D": go-betweens)
    r"(?!\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:delegations|parties|sides|representatives|leaders|negotiators|envoys)\b"
    r"|[^.;]{0,80}?\b(?:between|with)\b)"
    # "will convene an extraordinary meeting of their border committee": their own body
    r"|(?:will|would|are\s+to)\s+(?:jointly\s+)?(?:re)?convene\s+"
    r"(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:meeting|session|sitting)\s+of\s+)?their\b)",
    re.IGNORECASE,
)


def _convenes_jointly(s: _Sentence, e: Entity) -> bool:
    return any(
        e in (a, b)
        and _state(a)
        and _state(b)
        and _state(a) != _state(b)
        and _AND_BETWEEN.match(s.text[a.end : b.start])
        and _AGREE_TO_CONVENE_AFTER.match(s.after(b, 60))
        for a, b in zip(s.entities, s.entities[1:], strict=False)
    )


def _hosts_as_side(s: _Sentence, e: Entity) -> bool:
    """ "X will host talks with Y", "X will host tripartite negotiations with A and B", "X will host Y's
    prime minister for talks": the host sits at the table ("X will host talks with A and B" is a
    go-between's); "A and B agreed to convene the joint commission": the two that agree meet."""
    if s.text.find("onvene", e.end, min(s.end, e.end + 120)) >= 0 and _convenes_jointly(s, e):
        return True
    hosting = cue.HOST_SIDE_AFTER.match(s.text, e.end, min(s.end, e.end + 90))
    if hosting is None and (guest := cue.HOST_GUEST_AFTER.match(s.text, e.end, min(s.end, e.end + 200))):
        # one guest state's leader (not "... host the Russian and Ukrainian presidents")
        # (every state named up to the purpose: "will host A's president and B's prime minister for talks")
        purpose = _FOR_TALKS.search(s.text, guest.end(), min(s.end, guest.end() + 80))
        until = purpose.start() if purpose is not None else guest.end()
        named = {n for x in s.entities if guest.start("guest") <= x.start < until and (n := _state(x))}
        return len(named) == 1 and _state(e) not in named
    if hosting is None:
        of_n = cue.HOST_OF_N_AFTER.match(s.text, e.end, min(s.end, e.end + 200))
        if of_n is None:
            return False
        size = {"three": 3, "four": 4, "five": 5}[str(of_n.lastgroup)]
        guests = [
            (x.start, n)
            for x in s.entities
            if x.start > e.end
            and (n := _state(x))
            and n != _state(e)
            and not cue.TALKS_ON_BEFORE.search(s.before(x, 40))  # ("... a meeting on Afghanistan": the topic)
        ]
        # (the guests named before the format word: "... on Afghanistan" after it is the topic)
        before = {n for at, n in guests if at < of_n.start(str(of_n.lastgroup))}
        return size in {len(before) + 1, len({n for _, n in guests}) + 1}
    if hosting.group("fmt") or hosting.group("summit"):  # a summit's host sits at it
        return True
    listed = [x for x in s.entities if x.start > hosting.end()][:1]
    # exactly one state, and nothing after it that goes on naming sides ("Y's foreign minister",
    # "Y's government and the Z rebels", "Y and Z")
    return (
        len(listed) == 1
        and len(_listed(s, listed[0].start)) == 1
        and _ONE_SIDE_END.match(s.text, listed[0].end) is not None
    )


def _body_team_meets(s: _Sentence, e: Entity) -> bool:
    """ "a team of senior officials from the IAEA will hold talks in X", "ECOWAS mission to sit down with
    X's rulers": the body's own people meet."""
    if _TEAM_OF_BEFORE.search(s.before(e, 60)):
        part = _BODY_PART_AFTER.match(s.text, e.end, s.end)  # "the Arab League secretariat will hold talks"
        end = part.end() if part is not None else e.end
        return bool(
            _SIDES_INTO_PLAN.match(s.text[end : s.end])
            or _TO_CAPITAL_FOR_TALKS.match(s.text, end, s.end)
            or _TRAVELS_FOR_TALKS_AFTER.match(s.text, end, s.end)
        )
    if (meets := _BODY_MEETS_OTHERS_AFTER.match(s.text, e.end, s.end)) is not None:
        # (states as one side, not a pair it mediates between, nor armed groups: "the AU will meet
        # representatives of the army and the RSF")
        others = [x for x in s.entities if meets.end() <= x.start < min(s.end, meets.end() + 80)]
        listed = _listed(s, meets.end())
        return len(listed) != 2 and bool(listed) and all(x.kind == "country" for x in others[: len(listed)])
    team = _BODY_TEAM_AFTER.match(s.text, e.end, s.end)
    return team is not None and _SIDES_INTO_PLAN.match(s.text[team.end() : s.end]) is not None


# "ECOWAS will meet ministers from A, B and C": the body meets others' people as one side
_BODY_MEETS_OTHERS_AFTER = compile_skipping(
    r"(?:\s*\([A-Z][\w/.-]*\))?\s+(?:will|is\s+(?:to|due\s+to|set\s+to|expected\s+to))\s+"
    r"(?:hold\s+talks\s+with|meet(?:\s+with)?)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:ministers|leaders|delegations|representatives|envoys|officials|delegates)\s+(?:of|from)\s"
)


def _former_officials(s: _Sentence, e: Entity) -> bool:
    """ "former Nigerian President X": a retired leader's nationality, not the state acting (not "a
    former Turkish ambassador", who may still be its envoy)."""
    return (
        _is_demonym(e)
        and bool(_FORMER_BEFORE.search(s.before(e, 12)))
        and bool(_LEADER_AFTER.match(s.text, e.end, s.end))
    )


_LEADER_AFTER = compile_skipping(
    r"\s+(?:(?:deputy|vice)[\s-])?(?:president|prime\s+minister|head\s+of\s+state|premier|chancellor)\b",
    re.IGNORECASE,
)


_FORMER_BEFORE = compile_skipping(r"\b(?:former|ex-)\s*$", re.IGNORECASE)


def _mediators(s: _Sentence) -> list[str]:
    found: list[str] = []
    former = s.text.find("former", s.start, s.end) >= 0 or s.text.find("ex-", s.start, s.end) >= 0
    for e in s.entities:
        name = _state(e) or (e.name if e.kind == "organisation" else None)
        if (
            name is None
            or _hosts_as_side(s, e)
            or _REMIT_BEFORE.search(s.before(e, 40))
            or (former and _former_officials(s, e))
        ):
            continue  # "the UN envoy for X has invited ...": X is the envoy's remit, not a go-between
        if _A_SIDE_AFTER.match(s.text, e.end):
            continue  # "hosted by the Cambodian side": a side at its own table
        if (
            cue.MEDIATOR_AFTER.match(s.after(e, 20))
            # (a leader's title and given names may come between: "mediated by the President of the Republic, X")
            or cue.MEDIATOR_BEFORE.search(s.before(e, 70 if e.kind == "person" else 40))
            or cue.MEDIATOR_ROLE_AFTER.match(s.after(e, 70))
            or cue.MEDIATOR_ROLE_AFTER.match(s.after_clause(e, 50))  # "X, which ..., will host"
            or cue.MEDIATOR_LIST_AFTER.match(s.after(e, 60))
            or (e.kind != "person" and cue.STATE_AS_CONVENER_AFTER.match(s.after(e, 30)))
        ):
            found.append(name)
    for a, b in zip(s.entities, s.entities[1:], strict=False):  # "the Saudi-American mediation"
        if s.text[a.end : b.start] in {"-", "–"} and _PAIR_MEDIATION_AFTER.match(s.text, b.end):
            found += [n for e in (a, b) if (n := _state(e) or _org(e))]
    # "with Egyptian and US officials taking part as mediators", "with Malaysia's foreign minister and a
    # US envoy acting as mediators": every state in the list
    for m in _WITH_AS_MEDIATORS.finditer(s.text, s.start, s.end) if "as " in s.text[s.start : s.end] else ():
        found += [
            n
            for e in s.entities
            if (m.start("list") <= e.start < m.end("list") or m.start("also") <= e.start < m.end("also"))
            and (n := _state(e) or _org(e))
        ]
    for m in _MEDIATORS_FROM.finditer(s.text, s.start, s.end):  # "mediators from A, B and C"
        found += _listed(s, m.end())
    # "IGAD, which is facilitating the process together with Kenya and Norway": co-facilitators
    for m in (
        _CO_FACILITATORS.finditer(s.text, s.start, s.end) if "together" in s.text[s.start : s.end] else ()
    ):
        found += _listed(s, m.end())
    # "the two ministers will meet ... under the auspices of the co-chairs - diplomats from A, B and C":
    # with the sides named elsewhere, every state after the auspices is a go-between
    anaphor = cue.SIDES_ANAPHOR.search(s.text, s.start, s.end)
    auspices = _AUSPICES.search(s.text, anaphor.end(), s.end) if anaphor is not None else None
    if auspices is not None:
        found += [n for e in s.entities if e.start > auspices.end() and (n := _state(e) or _org(e))]
    for m in cue.GO_BETWEENS_BY.finditer(s.text, s.start, s.end):  # "hosted by A and B"
        # ... but "hosted by the Cambodian side" is a side at its own table
        listed, end = _list_span(s, m.end())
        found += [] if _A_SIDE_AFTER.match(s.text, end) else listed
    # "Saudi Arabia and the United States agreed on Wednesday to convene delegations from C and D": the
    # first of a pair convenes with the second (its own verb too far for the look-ahead above)
    convenes = bool(found) and s.text.find("onven", s.start, s.end) >= 0
    for a, b in zip(s.entities, s.entities[1:], strict=False) if convenes else ():
        na, nb = _state(a) or _org(a), _state(b) or _org(b)
        if (
            na is not None
            and nb in found
            and na not in found
            and _AND_BETWEEN.match(s.text[a.end : b.start])
            and _CONVENES_OTHERS_AFTER.match(s.after(b, 90))
        ):
            found.append(na)
    return list(dict.fromkeys(found))


_CONVENES_OTHERS_AFTER = compile_skipping(
    r"^(?:\s+[\w'’-]+){0,5}?\s+(?:re)?conven(?:e|es|ing|ed)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:delegations|negotiators|representatives|envoys|leaders)\s+(?:of|from)\b",
    re.IGNORECASE,
)


def _entry(e: Entity) -> NameEntry | None:
    g = gazetteer()
    return g.exact.get(e.text) or g.folded.get(" ".join(e.text.replace("’", "'").split()).lower())


def _is_demonym(e: Entity) -> bool:
    entry = _entry(e) if e.kind == "country" and e.text != e.name else None
    return entry is not None and entry.demonym


def _stands_for_state(e: Entity) -> bool:
    """A capital, demonym or institution standing for its state ("Moscow said", "Turkish"), not a
    place; another name of the country itself ("Türkiye", "DRC") is the country."""
    if e.kind != "country" or e.text == e.name:
        return False
    entry = _entry(e)
    return entry is None or entry.capital or entry.demonym or e.text in INSTITUTIONS


def _hosts(s: _Sentence) -> list[Entity]:
    """Places the sentence says will host the talks; a capital standing for its state ("Baghdad
    will host") is the city."""
    out = []
    for e in s.entities:
        if e.kind not in {"place", "country"} or not cue.HOST_AFTER.match(s.after(e, 40)):
            continue
        if _stands_for_state(e):
            entry = _entry(e)
            if entry is None or not entry.capital:
                continue  # a demonym or an institution ("the Kremlin will host")
            e = Entity(kind="place", text=e.text, name=entry.name, start=e.start, end=e.end, country=e.name)
        out.append(e)
    return out


def _border(s: _Sentence) -> list[Entity]:
    """ "on the A-B border": a venue on the border of two named states."""
    for a, b in zip(s.entities, s.entities[1:], strict=False):
        if (
            a.kind == b.kind == "country"
            and s.text[a.end : b.start] in {"-", "–"}
            and _BORDER_AFTER.match(s.text, b.end)
            and _BORDER_BEFORE.search(s.before(a, 40))
        ):
            name = f"{a.name}-{b.name} border"
            return [Entity(kind="place", text=name, name=name, start=a.start, end=b.end)]
    return []


def _venues(s: _Sentence) -> list[Entity]:
    hosts = _hosts(s) or _border(s)
    if not hosts:
        return _located(s)
    # "Türkiye will host the round in Ankara": the host state's city named as the venue
    states = {h.name for h in hosts if h.kind == "country"}
    cities = [v for v in _located(s) if v.kind == "place" and v.country in states] if states else []
    return cities or hosts


def _located(s: _Sentence) -> list[Entity]:
    """Places the sentence names as where the talks meet ("in X", "at the X", "the X talks")."""
    out = []
    past_clauses = [(m.start(), m.end()) for m in _PAST_RELATIVE.finditer(s.text, s.start, s.end)]
    according = "ccording" in s.text[s.start : s.end]
    for e in s.entities:
        before = s.before(e, 40)
        seat = INSTITUTION_SEATS.get(e.text)
        if seat is not None and cue.LOCATIVE_BEFORE.search(before):  # "at the White House"
            out.append(Entity(kind="place", text=e.text, name=seat, start=e.start, end=e.end, country=e.name))
            continue
        territory = _TERRITORY_AFTER.match(s.text, e.end) if e.kind == "country" and _is_demonym(e) else None
        if territory is not None and _ON_BEFORE.search(before):
            # "will be held on Kyrgyz territory": the state is the venue (kept as written: no city)
            text = s.text[e.start : territory.end()]
            out.append(
                Entity(kind="country", text=text, name=e.name, start=e.start, end=e.end, country=e.name)
            )
            continue
        if e.kind not in {"place", "country"} or _stands_for_state(e):
            continue
        if any(a <= e.start < b for a, b in past_clauses):
            continue  # "the talks, which broke down after X skipped a session in Y, will resume ..."
        if e.kind == "country" and _PAIRED_AFTER.match(s.text, e.end):
            continue  # "to take part in the A-B home secretary level meeting": a pair of sides, not a venue
        if (
            cue.PAST_VENUE_BEFORE.search(before)
            or cue.DEAL_MADE_IN_BEFORE.search(before)
            or cue.STATEMENT_PLACE_BEFORE.search(before)
            # "the Office of the Prime Minister in X confirmed": where the source sits
            or (cue.SOURCE_IN_BEFORE.search(before) and cue.SAID_RIGHT_AFTER.match(s.text, e.end, s.end))
            or _BODY_NAME_BEFORE.search(before)  # "the UN Support Mission in Libya" names a body
            or cue.SOURCE_BEFORE.search(s.before(e, 90))  # "according to X"
            or cue.DEAL_IN_BEFORE.search(before)  # "a ceasefire deal in X", "the war in X"
            or _OLD_VENUE_BEFORE.search(before)  # "no longer in X but in Y", "rather than in X"
            or _INVITATIONS_TO_BEFORE.search(before)  # "sent invitations to A and B": the guests
            or _REQUEST_AFTER.match(s.after(e, 30))  # "at X's request": who asked, not where
            # "In Beijing, a foreign ministry spokesperson said ...": where the source speaks
            or (e.start - s.start <= 4 and _FRONTED_SOURCE_AFTER.match(s.text, e.end, s.end))
            or _CAPTIVES_HELD_BEFORE.search(before)  # "the release of hostages held in X"
            or cue.SEIZED_POWER_IN_BEFORE.search(before)
            or cue.POSTED_IN_BEFORE.search(before)  # "the US ambassador in X said": a post, not the venue
            # "the ministry in X said": where the source sits
            or (cue.SOURCE_IN_BEFORE.search(before) and _SAID_AFTER.match(s.after(e, 30)))
            or (
                according and cue.ACCORDING_TO_BEFORE.search(s.before(e, 130))
            )  # "according to the ministries in X"
        ):
            continue
        # "in the Turkish city of Istanbul": a locative, though "of" often opens a topic
        # ... and "tensions in Vienna, where A and B will hold talks" names the venue
        topic = (
            cue.TOPIC_BEFORE.search(before)
            and not cue.CITY_OF_BEFORE.search(before)
            and not s.after(e, 8).startswith(", where")
        )
        if ((cue.LOCATIVE_BEFORE.search(before) or cue.REGION_VENUE_BEFORE.search(before)) and not topic) or (
            e.kind == "place" and cue.ATTRIBUTIVE_AFTER.match(s.after(e, 20))
        ):
            out.append(e)
    old = [v for v in out if _WAS_TO_HAVE_BEFORE.search(s.before(v, 60))]
    if old and any(w.start > old[0].end for w in out if w not in old):
        out = [v for v in out if v not in old]
    if out and all(v.kind == "country" for v in out):
        # "their next meeting in Ijevan, in Armenia's Tavush province": the town the gazetteer lacks,
        # placed in its country
        town = _unlisted_venue(s)
        if (
            town
            and town[0].end <= out[0].start
            and _IN_ITS_COUNTRY.fullmatch(s.text, town[0].end, out[0].start)
        ):
            return town
    return out or _unlisted_venue(s)


_PAIRED_AFTER = re.compile(r"[-–/](?=[A-Z])")
_IN_ITS_COUNTRY = re.compile(r",\s+(?:in\s+)?(?:the\s+)?")


def _unlisted_venue(s: _Sentence) -> list[Entity]:
    """A venue the gazetteer lacks (a small town, a resort): a capitalised name right after the
    talks word's "in", when no known place is named; it is kept as written."""
    m = cue.UNLISTED_VENUE.search(s.text, s.start, s.end)
    if (
        m is None
        or m.group(1) in _NOT_PLACES
        or any(e.start < m.end(1) and m.start(1) < e.end for e in s.entities)
    ):
        return []
    # "in Peace House, on the southern side of the truce village of X": the building's place, named
    within = next(
        (
            e
            for e in s.entities
            if e.kind == "place"
            and m.end(1) < e.start <= m.end(1) + 80
            and cue.CITY_OF_BEFORE.search(s.before(e, 30))
        ),
        None,
    )
    if within is not None:
        return [within]
    name = m.group(1)
    return [Entity(kind="place", text=name, name=name, start=m.start(1), end=m.end(1))]


def _parties(
    s: _Sentence, venues: list[Entity], mediators: list[str]
) -> tuple[list[str], set[str], set[str]]:
    """(parties, the ones named explicitly as sides, the ones an exact pattern rules out)."""
    venue_spans = {(v.start, v.end) for v in venues}
    low = s.text[s.start : s.end].lower()  # (cheap word tests spare the rarer patterns)
    explicit: list[str] = []
    anchored: set[int] = set()
    for m in cue.BETWEEN.finditer(s.text, s.start, s.end):
        anchored.add(m.end() - len(m.group().split()[-1]) - 1)
        stop = cue.CLAUSE_END.search(s.text, m.end(), min(s.end, m.end() + 90))
        limit = stop.start() if stop else min(s.end, m.end() + 90)
        explicit += [
            n
            for e in s.entities
            if m.end() <= e.start < limit
            and (n := _state(e) or _org(e))
            and not cue.FACTIONS_OF_AFTER.match(s.after(e, 40))
            # (not "between A and B under the Kenyan-led initiative": the go-between after them)
            and not cue.MEDIATOR_AFTER.match(s.after(e, 20))
            and not cue.MEDIATOR_BEFORE.search(s.before(e, 40))
        ]
    # "relations between A and B have thawed, and the two governments will resume talks": the pair
    # the anaphor takes up
    for m in _PAIR_BETWEEN.finditer(s.text, s.start, s.end):
        listed = _listed(s, m.end())
        if len(listed) == 2 and cue.SIDES_ANAPHOR.search(s.text, m.end(), s.end):
            explicit += listed
    for m in cue.WITH_SIDES.finditer(s.text, s.start, s.end):
        listed = _listed(s, m.end())
        opener = next((e for e in s.entities if e.start >= m.end()), None)
        # not "talks with Egyptian and Qatari mediators": go-betweens, named by their demonyms
        # before their role ("talks with Azerbaijan and US mediators" still has Azerbaijan)
        if opener is None or not (_is_demonym(opener) and cue.MEDIATOR_LIST_AFTER.match(s.after(opener, 60))):
            # (not "counterparts from three other neighbours of X": X is what they are neighbours of)
            explicit += [
                n
                for n in listed
                if not any(
                    _NEIGHBOURS_OF_BEFORE.search(s.before(e, 30))
                    for e in s.entities
                    if e.start > m.end() and _state(e) == n
                )
            ]
    for m in cue.MEET_DELEGATION_OF.finditer(s.text, s.start, s.end) if "meet" in low else ():
        explicit += _listed(s, m.end(), bodies=True)
    for m in cue.MEMBERS_LIST.finditer(s.text, s.start, s.end):
        # "ministers from ECOWAS and the AES"; but "a meeting of A, B and UN officials" lists a
        # go-between body beside the sides
        meeting_of = _MEETING_OF.match(m.group()) is not None
        members, end = _list_span(s, m.end(), bodies=not meeting_of)
        together = "together" in m.group().lower() or meeting_of
        if len(members) >= 2 and (together or cue.MEMBERS_MEET_AFTER.match(s.text[end : s.end])):
            explicit += members
    # "EU accession negotiations": the body a state negotiates to join is the other side
    explicit += [
        n
        for e in s.entities
        if (n := _org(e)) and _ACCESSION_AFTER.match(s.text, e.end, min(s.end, e.end + 40))
    ]
    # "India and the European Union will hold the next round": sides, a body among them, straight
    # into the plan
    for e in s.entities:
        if e.kind != "organisation" or e.start < s.start:
            continue
        members, end = _list_span(s, _list_start(s, e), bodies=True)
        if len(members) >= 2 and _SIDES_INTO_PLAN.match(s.text[end : s.end]):
            explicit += members
        elif (body := _org(e)) and _body_team_meets(s, e):
            explicit.append(body)
        break  # the first body only: a later one is seldom a side
    # "Egypt, Sudan and Ethiopia will hold a new round": states listed straight into the plan
    for e in s.entities:
        if e.kind != "country" or _is_demonym(e) or e.start < s.start:
            continue
        members, end = _list_span(s, e.start)
        if len(members) >= 2 and _SIDES_INTO_PLAN.match(s.text[end : s.end]):
            explicit += members
        break  # the list that opens the clause only
    # "the war between A and B" names the subject; "will take place in X on Friday between A and
    # B" names the sides, though far from the talks word
    loose_between = [
        (m.start(), m.end())
        for m in _LOOSE_BETWEEN.finditer(s.text, s.start, s.end)
        if m.start() not in anchored
        and not (
            _SIDES_BETWEEN_BEFORE.search(s.text, max(s.start, m.start() - 80), m.start())
            and not _CONFLICT_BEFORE.search(s.text, max(s.start, m.start() - 30), m.start())
        )
    ]
    for a, b in zip(s.entities, s.entities[1:], strict=False):
        if _BORDER_AFTER.match(s.text, b.end):
            continue  # "the A-B border" is a place
        if (
            s.text[a.end : b.start] in {"-", "–"}
            and (na := _state(a) or _org(a))
            and (nb := _state(b) or _org(b))
            and (_state(a) or _state(b))  # "UK-EU summit"; not "UN-AU mission"
        ):
            if _PAIR_MEDIATION_AFTER.match(s.text, b.end):
                continue  # "the Saudi-American mediation invited ...": the go-betweens
            if _PAIR_TOPIC_AFTER.match(s.text, b.end):
                loose_between.append((a.start, b.end))  # "the A-B war": the subject, not the sides
            else:
                explicit += [na, nb]
    # "the Afghan Taliban", "Libya's House of Representatives": the demonym or the possessive only
    # qualifies the group, it is no side of its own
    qualifiers = {
        a.start
        for a, b in _state_then_group(s)
        if (
            (a.text != a.name and s.text[a.end : b.start] == " ")
            # (not "Ethiopia's TPLF": a non-state side's home state is its counterpart, unless the
            # sentence gives the group another state to meet: "Yemen's Houthis ... talks with Saudi officials")
            or (
                not _stands_for_state(a)
                and _POSSESSIVE_GAP.fullmatch(s.text, a.end, b.start)
                and (
                    HOME_STATES.get(b.name) != a.name
                    or any(
                        x.kind == "country"
                        and x.name not in {a.name, b.name}
                        and (
                            (x.start > b.end and _WITH_BEFORE.search(s.before(x, 25)))
                            # "Yemen's Houthi movement and Saudi Arabia will meet"
                            or (x.start > b.end and _GROUP_AND.fullmatch(s.text, b.end, x.start))
                            # "talks between Saudi Arabia and Yemen's Houthi movement"
                            or (x.end < a.start and _BETWEEN_AND.fullmatch(s.text, x.end, a.start))
                        )
                        for x in s.entities
                    )
                )
            )
        )
    }
    # ... and it names no side in an exact pattern either ("talks between Saudi Arabia and Yemen's Houthi
    # movement"), unless the sentence names the state elsewhere as itself
    only_qualifying: set[str] = set()
    if qualifiers:
        qualified = {n for e in s.entities if e.start in qualifiers and (n := _state(e))}
        only_qualifying = qualified - {_state(e) for e in s.entities if e.start not in qualifiers}
        explicit = [n for n in explicit if n not in only_qualifying]
    # two sides named before it: a state in a later "after ..." clause is background ("A and B will
    # meet ..., after A announced its withdrawal together with C and D", "A will hold talks with B in
    # X on Thursday, after C and D pledged support to A")
    background = None
    named: list[str] = []
    for e in s.entities:
        name = _state(e) or _org(e)
        if name is not None and name not in named:
            named.append(name)
        if len(named) == 2:
            background = _BACKGROUND_CLAUSE.search(s.text, e.end, s.end)
            break
    first: list[str] = []
    fallback: list[str] = []
    ruled_out: set[str] = set(only_qualifying)  # (nor may the role model make it one)
    sources: set[str] = set()
    speakers: set[str] = set()
    topic_end, topic_ruled = -1, False  # where the last name read as the talks' subject ends; how it was read
    for e in s.entities:
        name = _state(e)
        # "on the wars in Libya and Sudan", "the situation in Gaza, Libya and Sudan": a name listed right
        # after a subject is one too
        if (
            topic_end >= 0
            and (
                _LIST_JOIN.fullmatch(s.text, topic_end, e.start)
                # ("on Gaza, Sudan and the Grand Ethiopian Renaissance Dam": a demonym inside a name)
                or (_is_demonym(e) and _LIST_JOIN_INTO_NAME.fullmatch(s.text, topic_end, e.start))
            )
            and not _CLAUSE_VERB_AFTER.match(s.text, e.end)  # ("... discuss Libya, and Turkey will send ...")
        ):
            topic_end = e.end
            if name is not None and topic_ruled:
                ruled_out.add(name)
            elif name is not None:
                fallback.append(name)
            continue
        topic_end = -1
        if name is None and e.kind == "place" and _topic_place(s, e):
            topic_end, topic_ruled = e.end, _talks_on(s, e)  # (a list of subjects after "talks ... on")
        if name is not None and _hosts_as_side(s, e):
            explicit.append(name)
        if e.kind == "place" and e.country and cue.SEIZED_POWER_IN_BEFORE.search(s.before(e, 30)):
            explicit.append(e.country)  # "the generals who seized power in X"
            continue
        if name is None or e.start in qualifiers:
            continue
        if (e.start, e.end) in venue_spans:
            if cue.WAR_IN_BEFORE.search(s.before(e, 40)):  # (where the wars are: "the wars in X and Y")
                topic_end, topic_ruled = e.end, True
            continue
        if any(a <= e.start < b for a, b in venue_spans) or _venue_country(s, e):
            ruled_out.add(name)  # a state naming the venue ("on the A-B border", "in X, Y")
            if cue.WAR_IN_BEFORE.search(s.before(e, 40)):  # (or where the wars are: "the wars in X and Y")
                topic_end, topic_ruled = e.end, True
            continue
        before, after = s.before(e, 40), s.after(e, 50)
        topical = False
        if (
            cue.OLD_PLAN_BEFORE.search(before)
            # "the Saudi city of Jeddah", "the Swiss resort": the demonym places the venue
            or (
                _is_demonym(e) and (_PLACE_NOUN_AFTER.match(after) or cue.DEMONYM_NOT_SIDE_AFTER.match(after))
            )
            or cue.MEDIATOR_AFTER.match(after)
            or cue.MEDIATOR_LIST_AFTER.match(s.after(e, 60))
            or cue.OBSERVERS_AFTER.match(s.after(e, 90))
            or ("observers" in low and cue.OBSERVERS_FROM_BEFORE.search(s.before(e, 100)))
            or _CAPITAL_AFTER.match(after)
            or cue.MEDIATOR_BEFORE.search(s.before(e, 70) if e.kind == "person" else before)
            or _BODY_NAME_BEFORE.search(before)
            or cue.PATRON_AFTER.match(after)
            or cue.PATRON_BEFORE.search(before)
            or cue.PAST_VENUE_BEFORE.search(before)
            or cue.DEAL_MADE_IN_BEFORE.search(before)
            or cue.FACTIONS_OF_AFTER.match(after)
            or _DISSIDENTS.match(after)  # "a faction of FARC dissidents": the splinter group is the side
            or (e.kind == "armed_group" and _BROKE_AWAY_BEFORE.search(before))
            or (_FORMER_MEMBERS_BEFORE.search(before) and _MEMBERS_AFTER.match(after))
            or (
                topical := bool(
                    cue.WAR_IN_BEFORE.search(before)
                    or _ISSUES_INCLUDING_BEFORE.search(before)
                    or (e.kind == "country" and _talks_on(s, e))  # (and the names listed after it)
                )
            )
            or (_REMIT_BEFORE.search(before) and not _MEMBERS_OF_AFTER.match(after))  # "envoys on X"
            or ("former" in low and _former_officials(s, e))
            or (e.kind == "armed_group" and cue.ACTED_ON_BEFORE.search(before))
            or (e.kind == "country" and cue.TALKS_ON_BEFORE.search(before))
            or cue.MOVED_BETWEEN_BEFORE.search(s.before(e, 60))
            or _NEIGHBOURS_OF_BEFORE.search(before)  # "three other neighbours of X": what they border
            or (
                _SUBJECT_AFTER.match(after)
                and not _LISTED_BEFORE.search(before)
                and len({n for x in s.entities if (n := _state(x)) and n != name}) >= 2
            )
            # "the war between A and B": the subject of the talks, not a side
            or any(a <= e.start < b for a, b in loose_between)
        ):
            ruled_out.add(name)
            if topical:
                topic_end, topic_ruled = e.end, True
            continue
        fallback.append(name)
        if background is not None and e.start > background.start() and name not in explicit:
            continue
        if cue.SOURCE_BEFORE.search(s.before(e, 90)):
            sources.add(name)
            continue
        if _SPEAKER_GOES_AFTER.match(after):
            explicit.append(name)  # "Hamas says it will send a delegation to Cairo": it says so of itself
        elif cue.SPEAKER_AFTER.match(after):
            speakers.add(name)
            continue
        if cue.TOPIC_BEFORE.search(before) and not cue.MEMBERS_OF_BEFORE.search(before):
            if _SITUATION_IN_BEFORE.search(before):  # "the situation in X": never a side
                ruled_out.add(name)
                topic_end, topic_ruled = e.end, True
            elif _SUBJECT_LIST_BEFORE.search(before):
                # (not "the government of A and B's ...": no list of subjects)
                topic_end, topic_ruled = e.end, False
            continue
        if cue.MEDIATOR_ROLE_AFTER.match(after) or cue.MEDIATOR_ROLE_AFTER.match(s.after_clause(e, 50)):
            continue
        first.append(name)
    # "neither the Syrian government nor the opposition has been invited": not at the table
    uninvited = [m.span() for m in _NOT_INVITED.finditer(s.text, s.start, s.end)]
    if "not" in low and ("invited" in low or "included" in low):
        uninvited += [m.span() for m in _NOT_INVITED_SIDE.finditer(s.text, s.start, s.end)]
    # "The envoy, a veteran Lao diplomat named by Vientiane, is to meet ...": the go-between's own state
    if "envoy" in low or "mediator" in low or "facilitator" in low:
        uninvited += [m.span() for m in _GO_BETWEEN_APPOSITION.finditer(s.text, s.start, s.end)]
    if uninvited:
        out = {n for e in s.entities if any(a <= e.start < b for a, b in uninvited) and (n := _state(e))}
        ruled_out |= out
        first = [n for n in first if n not in out]
        fallback = [n for n in fallback if n not in out]
    # "led by former Nigerian President X": a retired leader's state, wherever the sentence lists it
    # (the leader named after the title stands for the same state: not another mention of it)
    retired = (
        {n for e in s.entities if (n := _state(e)) and _former_officials(s, e)}
        - {n for e in s.entities if e.kind != "person" and (n := _state(e)) and not _former_officials(s, e)}
        if "former" in low or "ex-" in low
        else set()
    )
    if retired:
        explicit = [n for n in explicit if n not in retired]
        first = [n for n in first if n not in retired]
        fallback = [n for n in fallback if n not in retired]
        ruled_out |= retired
    names = list(dict.fromkeys(explicit + first))
    lone = not names and len(set(fallback)) == 1  # no side named, one name to fall back on
    # "A and B said envoys of both would begin talks": the speakers are go-betweens, the sides elsewhere
    their = cue.SOURCES_ARE_SIDES.search(s.text, s.start, s.end) if not names and "their" in low else None
    if their is not None:  # "officials in A and B said their delegations would resume talks"
        named = [
            n
            for e in s.entities
            if their.start() <= e.start < their.end()
            and (
                n := _state(e)
                or (e.country if e.kind == "place" and e.name in gazetteer().capital_names else None)
            )
        ]
        if len(set(named)) == 2:
            names, explicit = list(dict.fromkeys(named)), [*explicit, *named]
            ruled_out -= set(named)
    quoted = not names and fallback and set(fallback) <= speakers | sources
    if (lone or quoted) and cue.SIDES_ANAPHOR.search(s.text, s.start, s.end):
        # "the two sides will meet, the X ministry said": one speaker cannot be the two sides,
        # which are named elsewhere ("..., A and B said" still names them)
        ruled_out |= set(fallback)
    elif lone and set(fallback) <= speakers:
        pass  # "negotiators will meet on Friday, Turkish officials said": who meets is said elsewhere
    elif len(names) < 2:
        # "X's warring generals will meet ..., A and B said": the speakers do not stand in for them
        factions = any(_state(e) and cue.FACTIONS_OF_AFTER.match(s.after(e, 40)) for e in s.entities)
        names = list(
            dict.fromkeys(names + [f for f in fallback if not (factions and f in speakers | sources)])
        )
    names = [n for n in names if n in explicit or n not in mediators]
    # "with the guarantor countries - A, B and C - at the table": listed go-betweens
    hint = _ROLE_HINT.search(low)
    guarantors = {
        n
        for rx in (cue.GUARANTORS_LISTED, _MEDIATORS_FROM)
        for m in (rx.finditer(s.text, s.start, s.end) if hint else ())
        for n in _listed(s, m.end())
    }
    if guarantors:
        names = [n for n in names if n not in guarantors]
        explicit = [n for n in explicit if n not in guarantors]
        ruled_out |= guarantors
    # "ministers meet in X with A, B on agenda": the states listed as the agenda are topics
    agenda = (
        {n for e in s.entities if (n := _state(e)) and _ON_AGENDA_AFTER.match(s.text, e.end, s.end)}
        if "agenda" in low
        else set()
    )
    opens = _AGENDA_OPENS.search(s.text, s.start, s.end) if "agenda" in low else None
    if opens is not None:  # (a state named before the agenda opens may still be a side)
        agenda |= {n for e in s.entities if e.start > opens.end() and (n := _state(e))} - {
            n for e in s.entities if e.start < opens.start() and (n := _state(e))
        }
    if agenda:
        names = [n for n in names if n not in agenda]
        explicit = [n for n in explicit if n not in agenda]
        ruled_out |= agenda
    ruled_out |= sources - set(names)  # a source that is not also a side here
    return names, set(explicit), ruled_out - set(explicit) - set(names)


def _venue_country(s: _Sentence, e: Entity) -> bool:
    """ "in Geneva, Switzerland": the country after a place of its own, set off by a comma."""
    i = bisect_left(s.entities, e.start, key=_offset)
    if i == 0:
        return False
    place = s.entities[i - 1]
    return (
        place.kind == "place"
        and place.country == e.name
        # "in X, the Netherlands", "in the city of Caracas, Bolivarian Republic of Venezuela"
        and re.fullmatch(
            r",\s(?:[A-Z][a-z]+\s(?:Province|Region|Prefecture|Governorate)\s(?:of\s|in\s)?)?(?:the\s)?"
            r"(?:[A-Z][a-z]+\s){0,2}?(?:(?:People['’]s\s)?(?:Republic|Kingdom|State|Federation)\sof\s(?:the\s)?)?",
            s.text[place.end : e.start],
        )
        is not None
        # "in Washington, the United States, Ukraine and Russia said": a list of sides
        and not _LIST_AFTER.match(s.text, e.end)
        and bool(cue.LOCATIVE_BEFORE.search(s.before(place, 40)))
        # "in Moscow, Russia and Ukraine said": the country starts a list of sides, not an address
        and bool(_ADDRESS_END.match(s.after(e, 12)))
    )


def _listed(s: _Sentence, at: int, bodies: bool = False) -> list[str]:
    """The states (and with `bodies`, organisations) named as a list starting at `at` ("A, B, and C")."""
    return _list_span(s, at, bodies)[0]


def _list_start(s: _Sentence, e: Entity) -> int:
    """Where the list holding `e` starts ("A, B and the C": A's start)."""
    at = e.start
    for prev in reversed([x for x in s.entities if x.end <= e.start]):
        if not cue.LIST_GAP.match(s.text[prev.end : at]) or not (_state(prev) or _org(prev)):
            break
        at = prev.start
    return at


def _list_span(s: _Sentence, at: int, bodies: bool = False) -> tuple[list[str], int]:
    """The names listed from `at`, and where the list ends."""
    names: list[str] = []
    for e in s.entities:
        if e.start < at:
            continue
        if e.start != at and not cue.LIST_GAP.match(s.text[at : e.start]):
            break
        name = _state(e) or (_org(e) if bodies else None)
        if name is None:
            break
        if names and _SPEAKS_AFTER.match(s.text, e.end):
            break  # "mediated by Oman, the Iranian foreign ministry said": a source after the list
        names.append(name)
        at = e.end
    return list(dict.fromkeys(names)), at


_SPEAKS_AFTER = compile_skipping(
    r"(?:['’]s)?\s+(?:[\w'’-]+\s+){0,3}?(?:said|says|told|announced|added|confirmed|stated|reported|reports)\b",
    re.IGNORECASE,
)


def _org(e: Entity) -> str | None:
    return e.name if e.kind == "organisation" else None


# the day of another event named right before it: "the parliamentary elections in Serbia on December 17"
_OTHER_EVENT_DAY_BEFORE = compile_skipping(
    r"\b(?:elections?|polls|vote|voting|referendum|ballot|inauguration|funeral|trial|hearing|verdict|"
    r"(?:football\s+|cup\s+)?(?:match|final))\s+(?:in\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+)?"
    r"(?:on|for|(?:scheduled|set|due)\s+(?:for|on))\s+$"
    # "on the basis of the declaration of May 11": the day a text was signed
    r"|\b(?:declaration|agreement|accord|deal|resolution|communiqu[eé]|memorandum|statement|ceasefire|truce|"
    r"treaty|protocol|roadmap|road\s+map)\s+(?:signed\s+)?(?:of|dated)\s+$",
    re.IGNORECASE,
)


_PLAN_VERB_BEFORE = compile_skipping(
    r"\b(?:be\s+held|take\s+place|(?:will|to)\s+(?:meet|convene|open|begin|start|resume))\s+"
    r"(?:here\s+|in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+)?(?:on\s+)?$"
)


def _pick_date(s: _Sentence, status: TalksStatus, published: date) -> FoundDate | None:
    if status == "rescheduled" and " by " in s.text[s.start : s.end]:
        shifted = _shifted_day(s)
        if shifted is not None:
            return shifted
    candidates = []
    for d in s.dates:
        if d.precision != "day" or d.start_date is None or cue.SPEECH_BEFORE.search(s.before(d, 70)):
            continue
        if "ccording" in s.text[max(s.start, d.start - 130) : d.start] and cue.ACCORDING_TO_BEFORE.search(
            s.before(d, 130)
        ):
            continue
        if (
            _SAID_AFTER.match(s.after(d, 30))
            and not _SAID_WHEN_AFTER.match(s.after(d, 50))
            # (not "is scheduled to be held here on Feb 6 and 7, said the facilitator": the plan's own day)
            and not _PLAN_VERB_BEFORE.search(s.before(d, 50))
            # (nor "postponed to Friday 20 February, announced the mediation in a communique made public
            # this Tuesday": the statement has its own day)
            and not any(
                d.end < o.start <= d.end + 120
                and o.precision == "day"
                and _STATEMENT_DAY_BEFORE.search(s.before(o, 40))
                for o in s.dates
            )
        ):
            continue  # "(on) Monday, said the minister" (not "on 28-29 October, announced today the minister")
        if _SPEAKING_ON.match(s.text, s.start, d.start):
            continue  # "Speaking at a press conference on Wednesday, the spokeswoman said ...": the statement's day
        if _OTHER_EVENT_DAY_BEFORE.search(s.before(d, 60)):
            continue  # "given the elections in Serbia on December 17, the meeting will now ...": another event's day
        if _DECIDED_ON_BEFORE.search(s.before(d, 30)) and _TO_AFTER.match(s.after(d, 10)):
            continue  # "agreed on Thursday to hold talks in early October": the day of the decision
        if cue.DATELINE_AFTER.match(s.after(d, 30)) or (
            # a full stamp only: "on Saturday 10:00 GMT" is the talks' day and hour
            (_YEAR.search(d.text) or s.before(d, 4).rstrip().endswith("|"))
            and _PAGE_STAMP_AFTER.match(s.after(d, 20))
        ):
            continue
        if status in {"announced", "rescheduled"} and (
            d.start_date < published or cue.PAST_DAY_BEFORE.search(s.before(d, 30))
        ):
            continue
        candidates.append(d)
    nxt = cue.NEXT_MEETING.search(s.text, s.start, s.end) if status == "announced" else None
    if nxt is not None:
        # "handed over lists on Wednesday ... and agreed to hold their next meeting ...": the day
        # before the next meeting's clause is the round just held
        candidates = [
            d
            for d in candidates
            if d.start > nxt.start() or (d.start_date is not None and d.start_date > published)
        ]
    ahead = [d for d in candidates if d.start_date is not None and d.start_date > published]
    if status in {"announced", "rescheduled"} and ahead:
        # "after a call this morning, they agreed to meet on March 20": the day ahead is the talks'
        # ... and so is it beside today named as a weekday ("X invited A and B on Wednesday to hold
        # talks in Y on March 20", in Wednesday's paper)
        candidates = [
            d
            for d in candidates
            if d in ahead
            or not (
                _SAME_DAY.fullmatch(d.text)
                or (
                    d.start_date == published
                    and _WEEKDAY_ONLY.fullmatch(d.text)
                    and _ACTED_TODAY_BEFORE.search(s.before(d, 60))
                )
            )
        ]
    if (
        len(candidates) > 1
        and _OPENING_DAY.match(s.text, s.start, candidates[0].start)
        and _SPEECH.search(s.text, candidates[0].end, candidates[1].start)
    ):
        # "On Thursday, the envoy said the leaders would meet in X next Thursday": the day the
        # sentence opens on is the statement's
        candidates = candidates[1:]
    if (
        len(candidates) > 1
        and cue.JOURNEY_DAY_BEFORE.search(s.before(candidates[0], 50))
        and (
            cue.TALKS_DAY_BEFORE.search(s.before(candidates[1], 140))
            # "arrived in X on Wednesday ahead of Saturday's talks"
            or _POSSESSIVE_TALKS_AFTER.match(s.text, candidates[1].end)
        )
    ):
        # "arrive in X on Sunday ahead of talks on Monday": the talks' day is not the arrival's
        candidates = candidates[1:]
    if status in {"announced", "rescheduled"} and len(candidates) > 1:
        # "which had been scheduled for Friday, 6 December, will take place one week later, on 13
        # December": the old plan's day gives way to another the sentence names
        current = [d for d in candidates if not _old_plans_day(s, d)]
        candidates = current or candidates
    elif (
        status in {"announced", "rescheduled"}
        and candidates
        and _old_plans_day(s, candidates[0])
        and _NOW_SET_FOR.search(s.text, candidates[0].end, s.end)
    ):
        # "..., which had been due to open on Thursday, are now set for early next month": a new time
        # with no day after the old plan's
        candidates = []
    if status == "rescheduled":
        # "scheduled for May 30, have been moved to December 5": the new date follows the move
        to_time = cue.POSTPONED_TO.search(s.text, s.start, s.end)
        moved = to_time or cue.RESCHEDULED.search(s.text, s.start, s.end)
        later = [d for d in candidates if moved is not None and d.start >= moved.end()]
        # "moving its opening from this Friday to March 24": the day after "from" is the old one
        later = [d for d in later if not _FROM_DAY_BEFORE.search(s.before(d, 20))] or later
        if later:
            return later[0]
        if to_time is not None:  # "set for Friday, postponed to early May": Friday was the old plan
            return None
        # "which had been due to open on Wednesday, would now take place next week": a new time named
        # after the move makes the old plan's day history (not "... on Saturday, will now take place in Rome")
        if moved is not None and any(
            d.start >= moved.end() and not cue.SPEECH_BEFORE.search(s.before(d, 70)) for d in s.dates
        ):
            candidates = [
                d for d in candidates if d.start >= moved.start() or not cue.HISTORY.search(s.before(d, 80))
            ]
        # "talks it had planned for this weekend have been delayed and are now expected later this
        # month": the day before the delay, named as planned, is the old plan's
        delay = cue.POSTPONED.search(s.text, s.start, s.end)  # not a move of venue alone
        if delay is not None:
            candidates = [
                d
                for d in candidates
                if d.start >= delay.start() or not _OLD_PLAN_BEFORE.search(s.before(d, 60))
            ]
    return candidates[0] if candidates else None


# (a sentence opening on the statement's circumstances, after its dateline if any, up to the day)
_SPEAKING_ON = re.compile(
    r"\W*(?:[A-Z][A-Z.'’ -]{2,40},[^-–—\n]{0,40}?[-–—]+\s*)?(?:Speaking|Talking|Addressing|Briefing|Writing)\b"
    # (not "Speaking before the talks open in Geneva on Wednesday, ...": the talks' own day)
    r"(?:(?!\b(?:talks|meeting|summit|round|negotiations|opens?|begins?|starts?)\b)[^.;,]){0,60}?\s(?:on|this)\s+$"
)


def _shifted_day(s: _Sentence) -> FoundDate | None:
    """ "set for December 15 ..., has been pushed back by one week": the old day moved by the span."""
    moved = _PUSHED_BY.search(s.text, s.start, s.end)
    if moved is None:
        return None
    # (only the old plan's day: not "will now open on March 20, after being pushed back by one week")
    old = [
        d
        for d in s.dates
        if d.end <= moved.start()
        and d.precision == "day"
        and (_old_plans_day(s, d) or _SET_FOR_BEFORE.search(s.before(d, 40)))
    ]
    start = old[-1].start_date if old else None
    if start is None:
        return None
    count = _COUNTS.get(moved.group("n").lower()) or int(moved.group("n"))
    delta = timedelta(days=count * (7 if moved.group("unit").lower().startswith("week") else 1))
    day = old[-1]
    return replace(
        day,
        text=moved.group(),
        start=moved.start(),
        end=moved.end(),
        start_date=start + delta,
        end_date=day.end_date + delta if day.end_date else None,
    )


# "that was set for December 15", "planned for Friday": a day the plan had
_SET_FOR_BEFORE = compile_skipping(
    r"\b(?:set|scheduled|planned|due|slated|pencil+ed\s+in)\s+(?:for|on)\s+$", re.IGNORECASE
)


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
# "pushed back by one week", "postponed by two days" (a month has no fixed length: left alone)
_PUSHED_BY = compile_skipping(
    r"\b(?:pushed\s+back|postponed|delayed|put\s+off|moved\s+back|deferred)\s+by\s+"
    r"(?P<n>an?|one|two|three|four|five|six|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\b",
    re.IGNORECASE,
)


def _old_plans_day(s: _Sentence, d: FoundDate) -> bool:
    """ "which had been scheduled for Friday", "which had been scheduled to take place in X on 14 May",
    "instead of August 21": the old plan's day, in the clause that says so."""
    return bool(
        cue.HISTORY.search(s.before(d, 40))
        or _INSTEAD_OF_BEFORE.search(s.before(d, 60))
        or cue.old_plan_clause(s.before(d, 80))
    )


# ... a new time named by its month or week alone (not "will now take place in Rome": a new venue)
_NOW_SET_FOR = compile_skipping(
    r"\b(?:(?:now|instead)\s+(?:set|scheduled|expected|due|planned|slated)\s+(?:for|to\s+\w+\s+in)|"
    r"(?:moved|postponed|pushed\s+back|delayed|put\s+off)\s+(?:to|until))\s+"
    r"(?:early|mid|late|the\s+(?:end|beginning|middle|first|second|last)|next|later|the\s+coming|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)
# ("instead of August 21", "instead of opening in X on Monday as previously planned")
_INSTEAD_OF_BEFORE = compile_skipping(
    r"\b(?:instead\s+of|rather\s+than)\s+(?:[^.;,]{0,40}?\s)?(?:on\s+)?$", re.IGNORECASE
)


def _old_plans_place(s: _Sentence, v: Entity) -> bool:
    """ "which had been due in X": the old plan's place, worded in its own clause (not "which had been
    due in X, will take place in Y" for Y)."""
    before = s.before(v, 50)
    if cue.old_plan_clause(before):
        return True
    # (", scheduled to open in X on Tuesday, will instead be held in Y")
    return bool(cue.SCHEDULED_THERE_BEFORE.search(before)) and "instead" in s.text[v.end : s.end]


def _heads(s: _Sentence) -> list[str]:
    heads = []
    for e in s.entities:
        if e.kind == "person" and (
            cue.DELEGATION.search(s.before(e, 60)) or cue.HEADS_AFTER.match(s.after(e, 50))
        ):
            heads.append(e.name)
    return heads


_FRONTED_DAY_BEFORE = re.compile(r"\W*(?:[A-Z][\w ,()/-]{0,25}?[-–—:]\s*)?(?:On|on)\s+")
_SPEECH_FOLLOWS = compile_skipping(
    r",\s+(?:[\w'’.-]+\s+){0,6}?(?:said|says|announced|told|confirmed|added|stated)\b", re.IGNORECASE
)


def _draft(
    s: _Sentence,
    published: date,
    mediators: list[str],
    fallback: TalksStatus | None = None,
    journeys: bool = True,
    demote: bool = True,
) -> _Draft | None:
    """The talks mention of a sentence; `demote`: an undated plan beside a past day and past wording
    was held (not for the clause that sets up a next round: its past day is the last round's)."""
    future = [d for d in s.dates if d.precision == "day" and d.start_date and d.start_date >= published]
    # (the day a statement was made dates no invitation: "the envoy said on Tuesday that X had invited ...")
    # ("On Wednesday, the army said it had been postponed until ...": the fronted day is the statement's)
    stated = all(
        d.start_date == published
        and (
            cue.SPEECH_BEFORE.search(s.before(d, 30))
            or (_FRONTED_DAY_BEFORE.fullmatch(s.before(d, 30)) and _SPEECH_FOLLOWS.match(s.text, d.end))
        )
        for d in future
    )
    ahead = any(d.precision in {"day", "week"} and d.start_date and d.start_date > published for d in s.dates)
    said, weak = _status(s.text[s.start : s.end], bool(future), journeys, ahead, own_day=not stated)
    needs_sides = False
    if said in {None, "proposed", "held"} and (plan := cue.PLAN_WITH_SIDES.search(s.text, s.start, s.end)):
        # ... if the sentence names a side (below); "they are due back at the table" are the sides
        said, weak, needs_sides = "announced", False, "back" not in plan.group()
    if said is None:
        if fallback is None:
            return None
        said, weak = fallback, True
    status: TalksStatus = said
    venues = _venues(s)
    parties, explicit, ruled_out = _parties(s, venues, mediators)
    if needs_sides and not parties and not _WARRING_SIDES.search(s.text, s.start, s.end):
        # "the board will have a meeting", "the union will return to the negotiating table" (but
        # "Yemen's warring parties will return to the negotiating table": the sides, read later)
        return None
    # "talks between the government and the NDFP": the one side named is a non-state side at home
    # (any other name here only pads a lone side: a speaker, a host)
    sides = [p for p in parties if p in explicit] or parties[:1]
    home = HOME_STATES.get(sides[0]) if len(sides) == 1 else None
    if home is not None and home not in parties and cue.THE_GOVERNMENT.search(s.text, s.start, s.end):
        parties = [home, sides[0]]
    with_members = with_format(
        parties, mediators, [s.text[s.start : s.end]], day=published
    )  # "the Normandy Four"
    if with_members != (parties, mediators):
        parties, mediators = with_members
        explicit = explicit | set(parties)
    chosen = _pick_date(s, status, published)
    if status == "announced" and chosen is None and demote:
        past = [
            d
            for d in s.dates
            if d.precision == "day" and d.start_date and d.start_date < published - timedelta(1)
        ]
        if (
            past
            and not cue.SPEECH_BEFORE.search(s.before(past[0], 30))
            and cue.HELD.search(s.text[s.start : s.end])
            # "will meet later this month, after talks in X ended on Sunday": the past day is the
            # earlier round's, in a clause of its own after the plan
            and not _PLAN_THEN_AFTER.search(s.text, s.start, past[0].start)
            and not _in_agreed_aside(s, past[0])
        ):
            status = "held"
    if status in {"rescheduled", "announced"}:
        # "originally set for Saturday in X, will now take place in Y": X was the old plan's
        # (whether or not the sentence calls it a move: "scheduled for Thursday in X, will be held
        # next Monday in Y")
        venues = [
            v for v in venues if not _old_plans_place(s, v) and not cue.NOT_IN_BEFORE.search(s.before(v, 30))
        ] or venues
    nxt = cue.NEXT_MEETING.search(s.text, s.start, s.end) if status == "announced" else None
    if nxt is not None and cue.HELD.search(s.text, s.start, nxt.start()):
        # "wrapped up the round in X on Saturday and agreed to meet again in Y": Y is the next one's
        venues = [v for v in venues if v.start >= nxt.end()] or venues
    venue = _nearest_venue(s, venues)
    fmt = cue.STATED_FORMAT.search(s.text, s.start, s.end)
    rnd = cue.ROUND.search(s.text, s.start, s.end)
    return _Draft(
        status=status,
        evidence=s.text[s.start : s.end].strip(),
        parties=parties,
        explicit=explicit,
        ruled_out=ruled_out,
        mediators=mediators,
        location=venue,
        start=chosen.start_date if chosen else None,
        end=chosen.end_date if chosen else None,
        date_text=chosen.text if chosen else next((d.text for d in s.dates if d.precision != "day"), None),
        stated_format=fmt.group(1).lower() if fmt else None,
        round=rnd.group(1).lower() if rnd else None,
        heads=_heads(s),
        weak=weak,
    )


def _in_agreed_aside(s: _Sentence, day: FoundDate) -> bool:
    """ "agreed at the end of their session in X, held from May 3 to 6, to reconvene in Y": the day is
    the last round's, in an aside before the agreed plan."""
    found = cue.AGREED_ACROSS_CLAUSE.search(s.text, s.start, s.end)
    return found is not None and found.start() < day.start < found.end()


def _nearest_venue(s: _Sentence, venues: list[Entity]) -> Entity | None:
    if not venues:
        return None
    lead = s.text[s.start : s.end].lstrip()
    offset = s.end - s.start - len(lead)
    trigger = cue.TRIGGER.search(s.text, s.start, s.end)
    anchor = trigger.start() if trigger else s.start
    for v in venues:  # "In X, the two will meet ...": a leading place frames the whole sentence,
        # unless a speaker is quoted there or the talks word has a place of its own after it
        if (
            v.start == s.start + offset + 3
            and lead[:3] in {"In ", "At "}
            and s.text[v.end : v.end + 1] == ","
            and not _SPEECH.search(s.text, v.end, anchor)
            and not any(anchor < w.start <= anchor + 40 for w in venues)
        ):
            return v
    # a place after the talks word but past a speech tag ("..., a spokesperson said, as tensions rise
    # in X") is the next clause's, not the venue
    return min(
        venues,
        key=lambda v: (
            v.start < anchor or (trigger is not None and bool(_SPEECH_TAG.search(s.text, anchor, v.start))),
            abs(v.start - anchor),
        ),
    )


def _compatible(a: _Draft, b: _Draft) -> bool:
    if (a.status in {"announced", "rescheduled"}) != (b.status in {"announced", "rescheduled"}):
        return False
    if cue.ALSO_MEETS.match(a.evidence) or cue.ALSO_MEETS.match(b.evidence):
        return False  # "X will also attend a meeting of ...": another meeting
    if a.start and b.start and a.start != b.start:
        return False
    if a.location and b.location and a.location.name != b.location.name:
        place_a, place_b = a.location, b.location
        if not (place_a.country == place_b.country and "country" in {place_a.kind, place_b.kind}):
            return False
    return not (a.parties and b.parties and not _same_table(a.parties, b.parties))


# A state stands for its own rival camps: "Libya's military talks" and "the GNU and the LNA" are
# one meeting.
_CAMPS: dict[str, frozenset[str]] = {
    home: frozenset(c for a, b, h in RIVAL_PAIRS if h == home for c in (a, b))
    for home in {h for _, _, h in RIVAL_PAIRS if h is not None}
}


# ... and Afghanistan's government and the Taliban are one table in either era (their own talks before
# August 2021, one side under two names since)
_CAMPS["Afghanistan"] = frozenset({"Taliban"})


def _same_table(a: list[str], b: list[str]) -> bool:
    """Whether two mentions' sides overlap (a state overlapping its own camps)."""
    sa, sb = set(a), set(b)
    return (
        bool(sa & sb)
        or any(_CAMPS.get(p, frozenset()) & sb for p in sa)
        or any(_CAMPS.get(p, frozenset()) & sa for p in sb)
    )


def _merge(a: _Draft, b: _Draft) -> _Draft:
    location = a.location or b.location
    if a.location and b.location and a.location.kind == "country" and b.location.kind == "place":
        location = b.location
    evidence = a.evidence if len(a.evidence) >= 40 or not b.evidence else b.evidence
    status = a.status
    if "rescheduled" in {a.status, b.status}:
        status = "rescheduled"
    elif a.status == "proposed" and b.status in _STOPPED:
        status = b.status  # "will be rescheduled at a later date": stopped
    return replace(
        a,
        status=status,
        parties=list(dict.fromkeys(a.parties + b.parties)),
        explicit=a.explicit | b.explicit,
        ruled_out=a.ruled_out | b.ruled_out,
        mediators=list(dict.fromkeys(a.mediators + b.mediators)),
        location=location,
        start=a.start or b.start,
        end=a.end if a.start else b.end,
        date_text=a.date_text if a.start or not b.start else b.date_text,
        stated_format=a.stated_format or b.stated_format,
        round=a.round or b.round,
        heads=list(dict.fromkeys(a.heads + b.heads)),
        weak=a.weak and b.weak,
        evidence=evidence,
        also=tuple(t for t in (*a.texts(), *b.texts()) if t and t != evidence),
    )


def _format(d: _Draft) -> TalksFormat | None:
    stated: dict[str, TalksFormat] = {
        "bilateral": "bilateral",
        "trilateral": "trilateral",
        "tripartite": "trilateral",
        "three-way": "trilateral",
        "multilateral": "multilateral",
        "quadrilateral": "multilateral",
        "four-way": "multilateral",
        "six-party": "multilateral",
    }
    if d.stated_format in stated:
        return stated[d.stated_format]
    n = len(d.parties)
    return None if n < 2 else "bilateral" if n == 2 else "trilateral" if n == 3 else "multilateral"


def _confidence(d: _Draft) -> float:
    score = 0.45 + 0.15 * bool(d.start) + 0.1 * bool(d.location) + 0.1 * (len(d.parties) >= 2)
    score += 0.05 * bool(d.mediators) + 0.05 * bool(d.heads) - 0.2 * d.weak
    return round(max(0.05, min(0.95, score)), 2)


def _refine_location(d: _Draft, places: list[Entity]) -> Entity | None:
    if d.location is None or d.location.kind != "country" or d.location.text.endswith(("territory", "soil")):
        return d.location  # ("on Kyrgyz territory" names no city)
    inside = [p for p in places if p.country == d.location.name]
    if not inside:
        return d.location
    return max(inside, key=lambda p: sum(q.name == p.name for q in inside))


# Words one of which an actors' match needs: a plain substring test skips the costly pattern.
_ACTOR_HINTS = (
    "trilogue",
    "formateur",
    "parliamentary groups",
    "parliamentary parties",
    "parliamentary factions",
    "political parties",
    "party leaders",
    "holders of",
    "football",
    "soccer",
    "cricket",
    " sport",  # not "transport"
    "olympic",
    "athletic",
    "chess",
    "rugby",
    "tennis",
    "board officials",
    "board chiefs",
    "board heads",
    "business",
    "executives",
    "ceos",
    "chamber",
    "airline",
    "researcher",
    "academic",
    "scholar",
    "activist",
    "ngos",
    "non-governmental",
    "think tank",
    "think-tank",
    "civil society",
    "s union",
    "' union",
    "’ union",
    "trade union",
    "taxi union",
    "transport union",
    "labour",
    "labor",
    "unions",
    "r union",  # "teacher union", "worker union"
    "monetary policy",
    "rate-setting",
    "central bank",
)
_LEAD_ACTOR_HINTS = (
    "consorti",
    "cricket",
    "football",
    "soccer",
    "rugby",
    "hockey",
    "athletics",
    "basketball",
    "chess",
    "controllers",
    "dockworkers",
    "truckers",
    "employers",
    "academ",
    "labour",
    "labor",
    "union congress",
    "lecturers",
    "teachers",
    "nurses",
    "doctors",
    "pilots",
    "miner",
    "imf",
    "monetary fund",
    "world bank",
    "lenders",
    "creditor",
    "holders",
    "bondholder",
    "oil major",
    "company",
    "giant",
    "firm",
    # a firm named by its trade ("oil group X", "port operator Y")
    " group ",
    " major ",
    "producer",
    "maker",
    "operator",
    "conglomerate",
    "contractor",
    "supplier",
    "insurers",
    "shipowners",
    "underwriters",
    "bondholders",
    "noteholders",
    "traders",
    "scout",
    "informateur",
    "formateur",
    "airways",
    "airlines",
    " trader ",
    "coalition",
    "investiture",
    "cross-party",
    "forming a",
    "form a",
    "formation",
    "strike",
    "walkout",
    "dispute",
    "industrial action",
)


# what every match of NON_DIPLOMATIC_ACTORS starts with ("to" too: trying the pattern at each of its
# places in an article costs less than the scan of every position)
_ACTORS_LEADS = lead_words(cue.NON_DIPLOMATIC_ACTORS.pattern, cue.NON_DIPLOMATIC_ACTORS.flags, shortest=1)


def _actors(text: str, lead: bool = False, low: str | None = None) -> int:
    low = text.lower() if low is None else low
    found = 0
    if any(h in low for h in _ACTOR_HINTS):
        rx = cue.NON_DIPLOMATIC_ACTORS
        if low.isascii() and _ACTORS_LEADS is not None:
            found = count_at_words(rx, _ACTORS_LEADS, text, low)
        else:
            found = len(rx.findall(text))
    if lead and any(h in low for h in _LEAD_ACTOR_HINTS):
        found += len(cue.LEAD_ACTORS.findall(text))
    return found


# "The meeting comes weeks before the joint review of the trade pact with A and B, scheduled for July",
# "The announcement came a day after the prime minister's meeting with his Japanese counterpart": the
# story's meeting or its announcement set beside another event, whose sides and day are not its own
_COMES_BEFORE_OTHER = compile_skipping(
    r"\s*(?:the|this|that|its|their)\s+(?:meeting|talks|round|session|announcement)\s+(?:comes?|came|will\s+come|takes\s+place)\s+"
    r"(?:just\s+|only\s+)?(?:(?:a|one|two|three|four|a\s+few|several)\s+)?(?:(?:days|weeks|months|day|week|month)\s+)?"
    r"(?:before|ahead\s+of|after)\b",
    re.IGNORECASE,
)
# "the host would hold around 20 bilateral meetings, including with the leaders of A, B and C": many
# meetings of one host, none of them the story's
_MANY_BILATERALS = compile_skipping(
    r"\bbilateral\s+(?:meetings|talks)\b[^.;]{0,40}?\b(?:including\s+)?with\s+(?:the\s+)?"
    r"(?:leaders|presidents|heads\s+of\s+state|prime\s+ministers|counterparts)\s+(?:of|from)\b",
    re.IGNORECASE,
)
_THE_TALKS_OPENS = compile_skipping(
    r"\s*(?:the|these|those)\s+(?:talks|negotiations|meeting|discussions|session)\b", re.IGNORECASE
)
# a sentence that opens on the event the sentence before told of
_THE_EVENT_OPENS = compile_skipping(
    r"\s*(?:the|this)\s+(?:talks|negotiations|meeting|discussions|session|conference|event|ceremony|gathering|forum)\b",
    re.IGNORECASE,
)
# "Vietnam on Tuesday again demanded that ..., as officials announced that negotiators from A and B would
# meet in X next week": the talks are the reported clause's, their sides and day read from it alone
_AS_REPORTED = compile_skipping(
    r",\s+as\s+(?:[\w'’-]+\s+){1,5}?(?:announced|said|confirmed|revealed|disclosed)\s+that\s+", re.IGNORECASE
)


def _reported_clause_start(text: str, start: int, end: int) -> int:
    """Where the sentence's talks are told: after ", as officials announced that" when nothing
    before it names talks, else the sentence's start."""
    m = _AS_REPORTED.search(text, start, end)
    if m is None or cue.names_talks(text, start, m.start()):
        return start
    return m.end()


def _others_meet(sentence: str) -> bool:
    """The ones who meet in this sentence are sport bodies, firms, unions or other non-state actors:
    named as such before its first talks word (not "ministers will meet ... with oil companies")."""
    if not _actors(sentence, lead=True):
        return False
    first = cue.TRIGGER.search(sentence)
    found = [
        m.start()
        for m in (*cue.NON_DIPLOMATIC_ACTORS.finditer(sentence), *cue.LEAD_ACTORS.finditer(sentence))
    ]
    return first is None or (bool(found) and min(found) < first.start())


def _lead(title: str, text: str) -> str:
    """The body's first sentence (the headline is often the text's first line too)."""
    head = text[:2000]  # spare the splitting of a long body
    for start, end in sentences(head):
        chunk = head[start:end].strip()
        if len(chunk) >= 60 and chunk != title.strip():  # not a byline ("By X, Abuja")
            return chunk
    return ""


def is_diplomatic(title: str, text: str, entities: list[Entity]) -> bool:
    """Whether the article's talks are between states or armed sides rather than firms, unions or
    sport bodies (`entities`: the text's own)."""
    # sport bodies, chambers, airlines or NGOs as the ones who meet weigh most, in the headline above all
    business = len(cue.NON_DIPLOMATIC.findall(title)) * 2 + len(cue.NON_DIPLOMATIC.findall(text))
    # ... and in the lead, which tells who meets, more
    low = text.lower()
    in_text = _actors(text, low=low)
    lead = _lead(title, text) if in_text or any(h in low for h in _LEAD_ACTOR_HINTS) else ""
    business += (_actors(title, lead=True) + _actors(lead, lead=True)) * 4 + in_text * 2
    if business < 2:  # (the government words are counted only when there is business to outweigh)
        return True
    government = len(cue.DIPLOMATIC.findall(title.lower())) * 2 + len(cue.DIPLOMATIC.findall(low))
    return government > business or _diplomatic_aside(text, entities)


# "U.S. and Venezuelan officials are set to hold another round of talks in Doha next Tuesday with Qatar
# mediating", deep in a story about oil: one sentence of talks between states outweighs the business
# words around it (unless its own words are business)
_STATE_TALKS = compile_skipping(
    r"\b(?:mediat\w+|brokered|envoys?|foreign\s+ministers?|round\s+of\s+(?:talks|negotiations)|peace\s+talks|"
    # ("officials from A and B will sit down ... at a meeting convened by the Commission")
    r"ceasefire\s+talks|convened\s+by)\b",
    re.IGNORECASE,
)


def _diplomatic_aside(text: str, entities: list[Entity]) -> bool:
    for start, end in sentences(text):
        chunk = text[start:end]
        if (
            _STATE_TALKS.search(chunk)
            and cue.TRIGGER.search(chunk)
            and cue.STRONG_FUTURE.search(chunk)
            and not cue.NON_DIPLOMATIC.search(chunk)
            and not _actors(chunk, lead=True)
        ):
            found = [e for e in entities if start <= e.start < end]
            if len({e.name for e in found if e.kind == "country"}) >= 2:  # states on both sides
                return True
    return False


def cued_sentences(text: str, spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
    """(index, start, end) of the sentences (`spans`, else the text's) that name talks at all."""
    spans = sentences(text) if spans is None else spans
    cued = [(i, start, end) for i, (start, end) in enumerate(spans) if cue.names_talks(text, start, end)]
    # "The president arrives in X on Tuesday for a state visit. He will hold talks with ...": a
    # pronoun's plan reads on from the sentence before, which names who, where and when
    taken = {i for i, _, _ in cued}
    return [
        (i, spans[i - 1][0], end)
        if i and i - 1 not in taken and _PRONOUN_PLAN.match(text, start, end)
        else (i, start, end)
        for i, start, end in cued
    ]


_PRONOUN_PLAN = re.compile(
    r"\s*(?:He|She)\s+(?:will|is\s+(?:to|due\s+to|expected\s+to|set\s+to))\s+(?:also\s+)?(?:hold|meet)\b"
)


def find_drafts(
    text: str,
    published: date,
    entities: list[Entity],
    dates: list[FoundDate],
    skip: int = 0,
    cued: list[tuple[int, int, int]] | None = None,
    spans: list[tuple[int, int]] | None = None,
) -> tuple[list[_Draft], list[str]]:
    """Merged sentence drafts of talks mentions, and every mediator named near a cue (`cued`: the
    text's cued sentences, and `spans` all its sentences, when the caller has them)."""
    drafts: list[_Draft] = []
    article_mediators: list[str] = []
    entities, dates = sorted(entities, key=_offset), sorted(dates, key=_offset)
    others = False  # the last cued sentence's talks were others' (firms', unions', sport bodies')
    for index, start, end in cued_sentences(text) if cued is None else cued:
        if _others_meet(text[start:end]):
            others = True
            continue  # "marine insurers and shipowners will meet in London": not the sides' talks
        if _COMES_BEFORE_OTHER.match(text, start, end) or _MANY_BILATERALS.search(text, start, end):
            continue
        start = _reported_clause_start(text, start, end)
        s = _Sentence(text, start, end, entities, dates, skip)
        mediators = _mediators(s)
        article_mediators += mediators
        draft = _draft(s, published, mediators)
        follows_others, others = others, False
        if draft is None or (
            follows_others and not draft.parties and _THE_TALKS_OPENS.match(text, start, end)
        ):
            continue  # "The talks, to be held in X, will focus on ...": still the others' talks
        if index and _THE_EVENT_OPENS.match(text, start, end):
            spans = sentences(text) if spans is None else spans  # (split when first needed)
            before = text[spans[index - 1][0] : spans[index - 1][1]] if index < len(spans) else ""
            # "The meeting, to be held at X, will be attended by ...": the organ's sitting told before;
            # "The conference ... will bring together former negotiators": the commemoration told before
            if (len(set(draft.parties)) < 2 and _organ_sits(before)) or (
                "anniversary" in before.lower() and _COMMEMORATION.search(before)
            ):
                continue
        if not draft.parties and drafts and cue.ANAPHORA.search(text, start, end):
            draft.parties = list(drafts[-1].parties)  # "their presidents", "the two sides"
        elif (
            draft.status == "rescheduled"
            and len(set(draft.parties)) < 2
            and drafts
            and len(drafts[-1].parties) >= 2
            and cue.ANAPHORIC_MOVE.search(text, start, end)
            and text.rfind(drafts[-1].evidence, max(0, start - 600), start) >= 0
        ):  # "... had been scheduled for May 3 in X. ... said the round would now be held in Y on Sunday"
            draft.parties = list(dict.fromkeys(drafts[-1].parties + draft.parties))
        elif (
            drafts
            and len(drafts[-1].parties) >= 2
            and not set(draft.parties) & set(drafts[-1].parties)
            and cue.SIDES_ANAPHOR_OPENS.match(text[start:end])
        ):  # "The two ministers will meet ..., the mediator's office said": the last mention's sides
            draft.parties = list(drafts[-1].parties)
            draft.explicit = draft.explicit | set(draft.parties)
        drafts.append(draft)
        nxt = cue.NEXT_MEETING.search(text, start, end) if draft.status == "held" else None
        if nxt is not None and (
            cue.HAD_BEFORE.search(text, max(start, nxt.start() - 10), nxt.start())  # an old agreement
            or cue.NEVER_HAPPENED.search(text, nxt.end(), end)  # "..., but that round never took place"
        ):
            nxt = None
        if nxt is not None:  # the next round, read from the clause that sets it up
            # its own past day makes the agreed round a held one ("agreed to meet again on February
            # 27", read in March); a past day after "after" is the last round's
            first_day = next(
                (d for d in dates if nxt.end() <= d.start < end and d.precision == "day" and d.start_date),
                None,
            )
            own_past = (
                first_day is not None
                and first_day.start_date is not None
                and first_day.start_date < published - timedelta(1)
                and not cue.AFTER_CLAUSE.search(text, nxt.end(), first_day.start)
            )
            tail = _draft(
                _Sentence(text, nxt.start(), end, entities, dates, skip),
                published,
                mediators,
                demote=own_past,
            )
            if tail is not None and tail.status in {"announced", "rescheduled"}:
                tail.parties = tail.parties or list(draft.parties)  # the venue stays the tail's own
                drafts.append(tail)
    merged: list[_Draft] = []
    for d in drafts:
        for i, m in enumerate(merged):
            if _compatible(m, d):
                merged[i] = _merge(m, d)
                break
        else:
            merged.append(d)
    return merged, article_mediators


_HEADLINE_CREDIT = compile_skipping(r":\s*(?:[A-Z][\w'’.-]*\s*){1,3}$")


def headline_draft(
    title: str, published: date, entities: list[Entity], dates: list[FoundDate]
) -> _Draft | None:
    """The headline as one mention; headlines drop verbs ("P and Q to reopen talks in Lakeport"),
    so one with a cue word but no status wording still gives its parties and venue (weak)."""
    if not (cue.names_talks(title) or cue.HEADLINE_VISIT.search(title)):
        return None
    if cue.ORGAN_SITS.search(title):  # "Council to take up X in closed consultations": a body's sitting
        return None
    s = _Sentence(title, 0, len(title), entities, dates, 0)
    mediators = _mediators(s)
    refused = cue.HEADLINE_NOT_PLAN.search(title)  # "P refuses to meet Q", "P unlikely to meet Q"
    draft = _draft(s, published, mediators, fallback=None if refused else "announced", journeys=False)
    if (
        draft is not None
        and draft.weak
        and cue.HEADLINE_PLAN.search(title)
        and not cue.PROPOSED.search(title)
        and not refused
        and not cue.HEADLINE_ONGOING.search(title)
    ):
        draft = replace(draft, weak=False)
    if (
        draft is not None
        and draft.status in {"announced", "rescheduled"}
        and cue.HEADLINE_QUESTION.match(title)
    ):
        draft = replace(draft, status="proposed", weak=False)
    credit = _HEADLINE_CREDIT.search(title)
    if draft is not None and credit is not None:
        # "P, Q to meet again in X: Beijing": the source the headline credits is no side
        cited = {n for e in s.entities if e.start >= credit.start() and (n := _state(e) or _org(e))}
        named = {n for e in s.entities if e.start < credit.start() and (n := _state(e) or _org(e))}
        kept = [p for p in draft.parties if p not in cited - named]
        # (not "Talks with Afghanistan to resume in Doha: Pakistan": the credited side is the other)
        draft = replace(draft, parties=kept) if len(kept) >= 2 else draft
    lead = cue.HEADLINE_SIDES_TO_PLAN.match(title)
    if draft is not None and lead is not None:
        # "P, Q and R leaders to hold ...": the sides that lead a headline plan are named as sides
        named = {n for e in s.entities if e.end <= lead.end("sides") and (n := _state(e)) in draft.parties}
        draft = replace(draft, explicit=draft.explicit | named)
    if draft is not None and len(draft.parties) < 2:
        # "P's minister to visit Q", "... travels to Q for talks": the state visited is the other
        # side as well as the venue
        visited = next(
            (
                e
                for e in s.entities
                if e.kind == "country" and cue.VISITED_BEFORE.search(title, max(0, e.start - 30), e.start)
            ),
            None,
        )
        if visited is not None and visited.name not in draft.parties and not _stands_for_state(visited):
            draft = replace(
                draft, parties=[*draft.parties, visited.name], explicit=draft.explicit | {visited.name}
            )
    return draft


def to_record(d: _Draft, places: list[Entity], article_mediators: list[str]) -> TalksRecord:
    """The talks record of a draft: roles settled, country-level venue refined to a city."""
    mediators = d.mediators or [m for m in article_mediators if m not in d.parties or m in d.explicit]
    # a state is no go-between in talks with its own non-state side ("the president has invited the
    # opposition coalition to a national forum"): it sits at the table
    # (not "the government will mediate talks between two of its groups": both sides named, it mediates)
    home = [
        m
        for m in mediators
        if len(others := [p for p in d.parties if p != m]) == 1 and HOME_STATES.get(others[0]) == m
    ]
    if home:
        mediators = [m for m in mediators if m not in home]
        d = replace(
            d, parties=[*home, *(p for p in d.parties if p not in home)], explicit=d.explicit | set(home)
        )
    parties = [p for p in d.parties if p in d.explicit or p not in mediators]
    # one side under two names: the Republic of Cyprus beside the Greek Cypriots it speaks for
    parties = [p for p in parties if not (p in _SAME_SIDE and _SAME_SIDE[p] in parties)]
    d = replace(d, parties=parties, mediators=list(dict.fromkeys(mediators))[:3])
    location = _refine_location(d, places)
    return TalksRecord(
        parties=tuple(d.parties),
        mediators=tuple(d.mediators),
        location=location.name if location else None,
        start_date=d.start,
        end_date=d.end,
        date_text=d.date_text,
        format=_format(d),
        round=d.round,
        delegation_heads=tuple(d.heads),
        status=d.status,
        cameo_code="045" if d.status == "held" and d.mediators else _CAMEO.get(d.status),
        evidence=d.evidence[:500],
        confidence=_confidence(d),
    )


def extract_talks(
    text: str, title: str, published: date, entities: list[Entity], dates: list[FoundDate]
) -> list[TalksRecord]:
    """Sentence-level talks records for an English article (clean text, title, publication date)."""
    if not is_diplomatic(title, text, entities):
        return []
    skip = dateline_end(text)
    merged, article_mediators = find_drafts(text, published, entities, dates, skip)
    places = [e for e in entities if e.kind == "place" and e.start >= skip]
    stopped = {p for d in merged if d.status in {"denied", "cancelled"} for p in d.parties}
    records = []
    for d in merged:
        upcoming = d.status in {"announced", "rescheduled"}
        if upcoming and not d.parties:
            continue
        if upcoming and d.weak and len(stopped & set(d.parties)) >= 1:
            continue
        records.append(to_record(d, places, article_mediators))
    return records
