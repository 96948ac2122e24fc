"""One key per speaker, so the overview counts an entity once however it is written.

The attribution rules (`reader.marks.speakers`) report a speaker as the article writes it:
"North Korea said" gives "North Korea", "the North Korean government said" gives "the
North Korean government" (or, cut short, "North Korean"). Counted across a corpus those are
one speaker written several ways. `speaker_key` folds the ways that cannot mean anyone
else: case, spacing, a leading "the", a possessive, a country's demonym ("North Korean" →
"north korea"), and a country's government or state media ("the Russian government").
It merges nothing that needs judgement ("Trump" and "Donald Trump" stay apart: "Kim" could
be any Kim), and it leaves the attribution itself alone.
"""

from __future__ import annotations

from functools import lru_cache

# countries (lower case) and their demonyms where the demonym is not "country + n"
_ONE_WORD_COUNTRIES = """
afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile
china colombia croatia cuba cyprus czechia denmark ecuador egypt estonia ethiopia finland
france georgia germany ghana greece guatemala haiti honduras hungary iceland india
indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kosovo
kuwait laos latvia lebanon libya lithuania malaysia mali mexico moldova mongolia morocco
mozambique myanmar nepal netherlands nicaragua niger nigeria norway pakistan palestine
panama paraguay peru philippines poland portugal qatar romania russia rwanda serbia
singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan
tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam
yemen zambia zimbabwe
"""
_COUNTRIES = frozenset(_ONE_WORD_COUNTRIES.split()) | frozenset((
    "north korea", "south korea", "south africa", "south sudan", "saudi arabia",
    "new zealand", "sri lanka", "united kingdom", "united states", "united arab emirates",
    "costa rica", "el salvador", "dominican republic", "ivory coast", "hong kong",
))
_DEMONYMS = {
    "afghan": "afghanistan", "argentine": "argentina", "bangladeshi": "bangladesh",
    "belgian": "belgium", "brazilian": "brazil", "british": "united kingdom",
    "chilean": "chile", "chinese": "china", "colombian": "colombia", "croatian": "croatia",
    "czech": "czechia", "danish": "denmark", "dutch": "netherlands", "egyptian": "egypt",
    "emirati": "united arab emirates", "filipino": "philippines", "finnish": "finland",
    "french": "france", "german": "germany", "greek": "greece", "hungarian": "hungary",
    "icelandic": "iceland", "iranian": "iran", "iraqi": "iraq", "irish": "ireland",
    "israeli": "israel", "italian": "italy", "japanese": "japan", "kuwaiti": "kuwait",
    "lebanese": "lebanon", "malaysian": "malaysia", "mexican": "mexico",
    "nepalese": "nepal", "norwegian": "norway", "pakistani": "pakistan",
    "palestinian": "palestine", "peruvian": "peru", "polish": "poland",
    "portuguese": "portugal", "qatari": "qatar", "saudi": "saudi arabia",
    "singaporean": "singapore", "spanish": "spain", "sudanese": "sudan",
    "swedish": "sweden", "swiss": "switzerland", "taiwanese": "taiwan", "thai": "thailand",
    "turkish": "turkey", "ukrainian": "ukraine", "american": "united states",
    "vietnamese": "vietnam", "yemeni": "yemen",
}
_ALIASES = {
    "britain": "united kingdom", "great britain": "united kingdom", "uk": "united kingdom",
    "u.k.": "united kingdom", "us": "united states", "u.s.": "united states",
    "usa": "united states", "u.s.a.": "united states", "america": "united states",
    "the us": "united states", "dprk": "north korea", "burma": "myanmar",
    "czech republic": "czechia", "the netherlands": "netherlands",
}
# what a country speaks through, as a speaker: "the Chinese government", "Iranian state media"
_VOICES = ("government", "regime", "administration", "authorities", "state media",
           "foreign ministry")
_DETERMINERS = ("the ",)


def _country(words: str) -> str | None:
    """The country `words` (lower case) names, as a name or a demonym, else None."""
    words = _ALIASES.get(words, words)
    if words in _COUNTRIES:
        return words
    if words in _DEMONYMS:
        return _DEMONYMS[words]
    for suffix, ending in (("n", ""), ("ian", "ia"), ("an", "a"), ("ean", "ea"), ("i", "")):
        if words.endswith(suffix):  # "north korean", "syrian", "russian", "kenyan", "iraqi"
            stem = words[: len(words) - len(suffix)] + ending
            if stem in _COUNTRIES:
                return stem
    return None


@lru_cache(maxsize=1 << 16)  # the overview asks once per quotation; names repeat a lot
def speaker_key(name: str) -> str:
    """The key two written forms of one speaker share (see the module doc)."""
    key = " ".join(name.split()).casefold()
    for det in _DETERMINERS:
        if key.startswith(det) and len(key) > len(det):
            key = key[len(det):]
    if key.endswith(("'s", "\u2019s")):
        key = key[:-2]
    country = _country(key)
    if country is not None:
        return country
    for voice in _VOICES:
        if key.endswith(" " + voice):
            country = _country(key[: -len(voice) - 1])
            if country is not None:
                return country
    return key
