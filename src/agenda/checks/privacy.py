"""The privacy guard: no personal data in the published data.

Everything in a data folder is public: the YAML files on GitHub as much as
the site. The data is about children, so the validator refuses what looks
like personal data, and every message says why (the AVG, the Dutch GDPR).

Rules, on schema-valid documents, for every text value and every YAML
comment (comments are not on the site, but the files are public):

- Every text is first normalised, so that common disguises are seen
  through: Unicode NFKC (a full-width ＠ or digit becomes @ or a digit, a
  non-breaking space a space), every kind of dash becomes '-', invisible
  characters (zero-width space, soft hyphen) go, %-escapes are decoded
  (mailto:naam%40school.nl), and [at], (at), {at}, ' at ' become '@',
  [dot], (dot), ' dot ' become '.'. Messages show the normalised text.
- A burgerservicenummer (BSN): a number that passes the elfproef
  (9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11, not all digits equal; an
  8-digit number is read with a leading 0). In text we look at runs of
  digits joined by single spaces, dashes or dots: a run of exactly 8 or 9
  digits, the layout 1234.56.782, and 9 digits in groups of 2 to 4 joined by
  spaces or dashes (123 456 782, 12-34-56-782). A run that is part of a
  decimal number (1.234567890, 123456789,50) or that is an amount (written
  with € before it or "euro" after it) is skipped. The dotted layout of an
  amount (123.456.782) is not recognised, nor are groups that are part of
  a longer row of numbers (2023 123 456 782): they cannot be told apart
  from an amount or a list of numbers. The digits of a phone number are
  left to the phone rule.
  Whole-number values are checked too, except amounts: ``bedrag`` and the
  ``waarde`` of an indicator measured in euro.
- E-mail addresses and Dutch phone numbers (06-12345678, 06 - 12 34 56 78,
  +31 6 12345678, 0031 6..., 030-1234567, (030) 123 45 67). We cannot tell a
  person's address from an organisation's, so every one is refused unless it
  is listed in regio.yaml under ``toegestane_contactgegevens``; phone numbers
  are compared by their digits, so +31 33 123 4567 and 033-1234567 are the
  same number.
- Counts of persons below 10 in the measurements (``metingen``) of an
  indicator (0 to 9, or a difference of less than 10 either way): such a
  small number can point to one child or family. An
  indicator counts persons when it says ``telt_personen: true``, or, when it
  does not say, when its ``eenheid`` names persons (a word of
  ``PERSON_WORDS``, or one ending in it, such as schoolkinderen) and is not
  a percentage. A small count must be suppressed: ``afgeschermd: true``
  without a ``waarde`` (the site shows "minder dan 10"). A suppressed
  measurement that still holds its value is refused too, since the file
  itself is public.
- A small count of persons in text ("7 leerlingen", "3 jonge kinderen",
  "5-7 gezinnen": a single digit from 2 to 9 or a range ending in one, then
  at most one adjective (a word ending in -e), then a person word) is a
  warning, not an error: a number in a sentence can also be a school group
  or a ratio. Not counted: 0 and 1 ("1 gezin, 1 plan" is a slogan, "0
  thuiszitters" a goal), and a number after groep, klas, leerjaar, op ("1 op
  de 5 kinderen") or per. Numbers in words (drie kinderen) are not recognised.

Every pattern runs in time linear in the text: e-mail addresses are found
from each '@', with the local part (at most 64 characters, RFC 5321) matched
on the reversed text and the domain (at most 255) in a bounded window; other
patterns have bounded or possessive quantifiers, or start only where a run of
digits starts.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote

from ..dates import number_text
from ..problems import Problem, Severity
from ..yamlfile import FieldPath, YamlDocument, leaves
from .documents import Documents, problem_at

ALLOWLIST_KEY = "toegestane_contactgegevens"
SMALL_COUNT = 10
COMMENT_FIELD = "(commentaar)"

# words that name persons: a unit or a word in text names persons when it is one of these or
# ends in one (schoolkinderen, thuiszitters, grootouders)
PERSON_WORDS = (
    "kind",
    "kinderen",
    "leerling",
    "leerlingen",
    "scholier",
    "scholieren",
    "student",
    "studenten",
    "pupil",
    "pupillen",
    "jongere",
    "jongeren",
    "jeugdige",
    "jeugdigen",
    "minderjarige",
    "minderjarigen",
    "meisje",
    "meisjes",
    "jongen",
    "jongens",
    "baby",
    "baby's",
    "zuigeling",
    "zuigelingen",
    "peuter",
    "peuters",
    "kleuter",
    "kleuters",
    "tiener",
    "tieners",
    "puber",
    "pubers",
    "ouders",
    "moeder",
    "moeders",
    "vader",
    "vaders",
    "verzorger",
    "verzorgers",
    "gezin",
    "gezinnen",
    "gezinsleden",
    "cliënt",
    "cliënten",
    "client",
    "clienten",
    "patiënt",
    "patiënten",
    "patient",
    "patienten",
    "persoon",
    "personen",
    "mensen",
    "volwassene",
    "volwassenen",
    "inwoner",
    "inwoners",
    "bewoner",
    "bewoners",
    "deelnemer",
    "deelnemers",
    "zitter",
    "zitters",
    "verzuimer",
    "verzuimers",
    "verlater",
    "verlaters",
)

_WHY = "Deze gegevens zijn openbaar, ook de bestanden zelf, en gaan over kinderen (AVG)."

# --- normalising ---------------------------------------------------------------------
# dashes that NFKC leaves as they are; invisible characters that can hide inside a number
_DASHES_AND_INVISIBLES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
    | dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None)
)
# 'naam [AT] school (dot) nl', 'naam at school dot nl': the word in brackets (in any case), or
# between two words; the quick searches first, since the full pattern can start anywhere and most
# texts have neither
_AT_OR_DOT_BRACKETED = re.compile(r"[\[({<]\s{0,3}(?i:at|dot)\s{0,3}[\])}>]")
_AT_OR_DOT = re.compile(
    r"\s{0,3}+[\[({<]\s{0,3}(?i:(at|dot))\s{0,3}[\])}>]\s{0,3}|(?<=\w) {1,3}(at|dot) {1,3}(?=\w)"
)
_AT_OR_DOT_SIGN = {"at": "@", "dot": "."}
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")

# --- BSN -----------------------------------------------------------------------------
# a run of digits joined by single spaces, dots or dashes, only where such a run starts
_NUMBER_RUN = re.compile(r"(?<!\d)(?<!\d[ .-])\d++(?:[ .-]\d++)*+")
_RUN_SEPARATOR = re.compile(r"([ .-])")
# a decimal mark next to a run: 1,234567890 or 123456789,50 (a dot before is part of the run)
_DECIMAL_MARK = re.compile(r"\d,|[.,]\d")
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_AMOUNT_BEFORE = re.compile(r"€\s{0,3}\Z")
_AMOUNT_AFTER = re.compile(r"\s*(euro|EUR)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# at least eight digits: what a BSN (8 or 9) and a phone number (10) need; most texts have fewer,
# and this one search is much faster than looking for both
_EIGHT_DIGITS = re.compile(r"\d(?:\D*\d){7}")
_EURO = re.compile(r"€|\beuro\b", re.IGNORECASE)

# --- e-mail and phone ----------------------------------------------------------------
# the local part, read backwards from the '@'; the domain, read forwards (RFC 5321 lengths)
_LOCAL_REVERSED = re.compile(r"[\w.%+-]{1,64}")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_LOCAL_MAX, _DOMAIN_MAX = 64, 255
# a Dutch number: 0 or +31 / 0031 (with an optional '(0)'), then nine digits
# of which the first is not 0, with at most three separators between digits (' - ')
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(?0)[1-9](?:[ .()-]{0,3}\d){8}(?!\d)"
)

# --- small counts --------------------------------------------------------------------
_PERCENT = re.compile(r"%|procent")
_WORD = re.compile(r"[\w']+")
# a single digit from 2 to 9 (or a range such as 1-3), and the one or two words after it; the
# pattern starts with the digit (not with a lookbehind), so that the search skips to the digits
_COUNT_IN_TEXT = re.compile(
    r"\d(?<![\w.,/]\d)(?:-[2-9]|(?<=[2-9]))(?![\w.,/])\s{1,3}+([\w']++)(?:\s{1,3}+([\w']++))?"
)
_NO_COUNT_BEFORE = re.compile(
    r"\b(?:groep(?:en)?|klas(?:sen)?|leerjaar|op(?: de)?|per)\s{1,3}\Z", re.IGNORECASE
)
_LOOK_BACK = 20  # characters, enough for the words of _NO_COUNT_BEFORE


def is_bsn(digits: str) -> bool:
    """Whether ``digits`` (8 or 9 of them) pass the elfproef of a BSN."""
    digits = digits.zfill(9)
    if len(digits) != 9 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    return sum(int(d) * w for d, w in zip(digits, _BSN_WEIGHTS)) % 11 == 0


def phone_digits(text: str) -> str:
    """A phone number as its national digits: '+31 (0)33 123 4567' -> '0331234567'."""
    digits = re.sub(r"\D", "", text)
    if text.lstrip("(").startswith(("+", "00")):
        digits = digits[4:] if digits.startswith("0031") else digits[2:]
        return "0" + digits.removeprefix("0")
    return digits


def names_persons(word: str) -> bool:
    """Whether ``word`` names persons: 'leerlingen', 'Thuiszitters', 'schoolkinderen'."""
    return word.lower().endswith(PERSON_WORDS)


def normalise(text: str) -> str:
    """``text`` with its disguises undone (see the module's docstring)."""
    if "%" in text and _PERCENT_ESCAPE.search(text):
        text = unquote(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_DASHES_AND_INVISIBLES)
    bracket = "(" in text or "[" in text or "{" in text or "<" in text
    if (bracket and _AT_OR_DOT_BRACKETED.search(text)) or " at " in text or " dot " in text:
        text = _AT_OR_DOT.sub(lambda match: _AT_OR_DOT_SIGN[(match[1] or match[2]).lower()], text)
    return text


def emails(text: str) -> Iterator[str]:
    """Every e-mail address in ``text`` (normalised), found from each '@'."""
    reversed_text = text[::-1]
    at = text.find("@")
    while at != -1:
        local = _LOCAL_REVERSED.match(reversed_text, len(text) - at)
        domain = _DOMAIN.match(text, at + 1, min(len(text), at + 1 + _DOMAIN_MAX))
        if local and domain:
            yield text[at - len(local.group()) : domain.end()]
        at = text.find("@", at + 1)


def check_privacy(docs: Documents) -> Iterator[Problem]:
    """A problem for every value and comment in ``docs`` that looks like personal data."""
    regio = docs.single.get("regio")
    allowed_list = regio.data.get(ALLOWLIST_KEY, []) if regio else []
    allowed = {_contact_key(entry) for entry in allowed_list} - {None}
    if regio:
        for index, entry in enumerate(allowed_list):
            if _contact_key(entry) is None:
                yield problem_at(
                    regio,
                    (ALLOWLIST_KEY, index),
                    f"'{entry}' is geen e-mailadres of telefoonnummer. In deze lijst staan alleen "
                    "algemene e-mailadressen en telefoonnummers van organisaties die op de site "
                    "mogen staan.",
                )
    for doc in docs.all():
        amounts = set(_amount_paths(doc.data))
        for path, value in leaves(doc.data):
            if isinstance(value, str):
                for message, severity in _check_text(value, allowed):
                    yield problem_at(doc, path, message, severity)
            elif isinstance(value, int) and not isinstance(value, bool) and path not in amounts:
                if 8 <= len(str(abs(value))) <= 9 and is_bsn(str(abs(value))):
                    yield problem_at(doc, path, _bsn_message(str(abs(value))))
        yield from _check_comments(doc, allowed)
        yield from _check_counts(doc)


def _check_comments(doc: YamlDocument, allowed: set[str]) -> Iterator[Problem]:
    """A problem for every comment that looks like personal data; the comments themselves are
    only worked out when the text after some '#' has anything to report."""
    if not any(_check_text(candidate, allowed) for candidate in doc.comment_candidates()):
        return
    for line, comment in doc.comments:
        for message, severity in _check_text(comment, allowed):
            yield Problem(path=doc.path, line=line, field=COMMENT_FIELD, message=message, severity=severity)


def counts_persons(indicator: dict) -> bool:
    """Whether the measurements of ``indicator`` are numbers of persons."""
    if "telt_personen" in indicator:
        return indicator["telt_personen"]
    unit = indicator.get("eenheid", "")
    if _PERCENT.search(unit.lower()):
        return False
    return any(names_persons(word) for word in _WORD.findall(unit))


def _amount_paths(data: dict) -> Iterator[FieldPath]:
    """The paths of numbers that are amounts in euro."""
    for index in range(len(data.get("financiering", []))):
        yield ("financiering", index, "bedrag")
    for i, indicator in enumerate(data.get("indicatoren", [])):
        if _EURO.search(indicator.get("eenheid", "")):
            for j in range(len(indicator.get("doelen", []))):
                yield ("indicatoren", i, "doelen", j, "waarde")
            for j in range(len(indicator.get("metingen", []))):
                yield ("indicatoren", i, "metingen", j, "waarde")


def _contact_key(text: str) -> str | None:
    """How an allowed address or number is compared; None if it is neither."""
    text = normalise(text.strip())
    if list(emails(text)) == [text]:
        return text.lower()
    if _PHONE.fullmatch(text):
        return phone_digits(text)
    return None


def _check_text(text: str, allowed: set[str]) -> list[tuple[str, Severity]]:
    """A message and its severity for everything in ``text`` that looks like personal data.

    Each rule runs only when a quick search finds what it needs: most texts have none of it.
    """
    text = normalise(text)
    found = []
    if _DIGIT.search(text):
        if _EIGHT_DIGITS.search(text):
            found += _check_numbers(text, allowed)
        if _COUNT_IN_TEXT.search(text):
            found += _check_small_counts(text)
    if "@" in text:
        found += _check_emails(text, allowed)
    return found


def _check_numbers(text: str, allowed: set[str]) -> Iterator[tuple[str, Severity]]:
    """BSN and phone numbers; the digits of a phone number are no BSN."""
    phones = list(_PHONE.finditer(text))
    phone_starts = [phone.start() for phone in phones]
    for start, digits in _bsn_candidates(text):
        at = bisect.bisect_right(phone_starts, start) - 1
        in_phone = at >= 0 and start < phones[at].end()
        if is_bsn(digits) and not in_phone:
            yield _bsn_message(digits), "fout"
    for match in phones:
        if phone_digits(match.group()) not in allowed:
            yield (
                f"'{_mask_digits(match.group(), keep_start=4)}' lijkt een telefoonnummer. "
                f"Telefoonnummers van personen horen hier niet: {_WHY} Haal het nummer weg. "
                "Is het een algemeen nummer van een organisatie? "
                f"Zet het dan in regio.yaml onder '{ALLOWLIST_KEY}'.",
                "fout",
            )


def _check_emails(text: str, allowed: set[str]) -> Iterator[tuple[str, Severity]]:
    for address in emails(text):
        if address.lower() not in allowed:
            local, _, domain = address.partition("@")
            shown = local[0] + "*" * (len(local) - 1) + "@" + domain
            yield (
                f"'{shown}' lijkt een e-mailadres. E-mailadressen van personen horen hier niet: "
                f"{_WHY} Haal het adres weg. Is het een algemeen adres van een organisatie? "
                f"Zet het dan in regio.yaml onder '{ALLOWLIST_KEY}'.",
                "fout",
            )


def _check_small_counts(text: str) -> Iterator[tuple[str, Severity]]:
    for shown in _small_counts(text):
        yield (
            f"'{shown}' is een klein aantal personen. Minder dan {SMALL_COUNT} personen kunnen "
            f"herkenbaar zijn, zeker in een kleine regio of op één school. {_WHY} Schrijf "
            f"'minder dan {SMALL_COUNT}' in plaats van het aantal, of zet het aantal als meting "
            "bij een indicator met 'afgeschermd: true'.",
            "waarschuwing",
        )


def _bsn_candidates(text: str) -> Iterator[tuple[int, str]]:
    """Where a number that could be a BSN starts in ``text``, and its digits."""
    for run in _NUMBER_RUN.finditer(text):
        start, end = run.span()
        if end - start < 8:  # too short for the 8 digits of a BSN
            continue
        if _AMOUNT_BEFORE.search(text, max(0, start - 4), start) or _AMOUNT_AFTER.match(text, end):
            continue
        parts = _RUN_SEPARATOR.split(run.group())
        decimal_before = _DECIMAL_MARK.fullmatch(text, max(0, start - 2), start) is not None
        decimal_after = _DECIMAL_MARK.fullmatch(text, end, end + 2) is not None
        if not (decimal_before or decimal_after) and _is_bsn_layout(parts[::2], set(parts[1::2])):
            yield start, "".join(parts[::2])
        else:
            # only a group away from a decimal mark can be a BSN
            yield from _single_groups(parts, start, skip_first=decimal_before, skip_last=decimal_after)


def _is_bsn_layout(groups: list[str], separators: set[str]) -> bool:
    """1234.56.782, or nine digits in groups of 2 to 4 joined by spaces or dashes (123 456 782)."""
    if separators == {"."}:
        return [len(group) for group in groups] == [4, 2, 3]
    return (
        len(groups) > 1
        and separators <= {" ", "-"}
        and all(2 <= len(group) <= 4 for group in groups)
        and sum(map(len, groups)) == 9
    )


def _single_groups(
    parts: list[str], start: int, *, skip_first: bool, skip_last: bool
) -> Iterator[tuple[int, str]]:
    """The groups of 8 or 9 digits in a run, unless a dot joins them to a neighbour."""
    position = start
    last = len(parts) - 1
    for index in range(0, len(parts), 2):
        group = parts[index]
        dotted = (index > 0 and parts[index - 1] == ".") or (index < last and parts[index + 1] == ".")
        skipped = (index == 0 and skip_first) or (index == last and skip_last)
        if 8 <= len(group) <= 9 and not dotted and not skipped:
            yield position, group
        position += len(group) + (1 if index < last else 0)


def _small_counts(text: str) -> Iterator[str]:
    """Every small count of persons in ``text``, as written: '7 leerlingen'."""
    for match in _COUNT_IN_TEXT.finditer(text):
        word, after = match.group(1, 2)
        if names_persons(word):
            end = match.end(1)
        elif after and word.endswith("e") and names_persons(after):  # 3 jonge kinderen
            end = match.end(2)
        else:
            continue
        start = match.start()
        if not _NO_COUNT_BEFORE.search(text, max(0, start - _LOOK_BACK), start):
            yield " ".join(text[start:end].split())


def _bsn_message(digits: str) -> str:
    return (
        f"'{_mask_digits(digits, keep_start=2)}' lijkt een burgerservicenummer (BSN): het getal "
        f"klopt met de elfproef. Een BSN is een persoonsgegeven en hoort hier niet: {_WHY} "
        "Haal het nummer weg. Is het geen BSN maar bijvoorbeeld een kenmerk? Schrijf het dan "
        "met een schuine streep erin, zoals 2023/123456."
    )


def _mask_digits(text: str, keep_start: int) -> str:
    """``text`` with its digits hidden, except the first ``keep_start`` and the last two."""
    total = sum(c.isdigit() for c in text)
    out, seen = [], 0
    for char in text:
        if char.isdigit():
            seen += 1
            if keep_start < seen <= total - 2:
                char = "*"
        out.append(char)
    return "".join(out)


def _check_counts(doc: YamlDocument) -> Iterator[Problem]:
    for i, indicator in enumerate(doc.data.get("indicatoren", [])):
        persons = counts_persons(indicator)
        unit = indicator.get("eenheid", "")
        for j, meting in enumerate(indicator.get("metingen", [])):
            if "waarde" not in meting:
                continue
            path = ("indicatoren", i, "metingen", j, "waarde")
            if meting.get("afgeschermd"):
                yield problem_at(
                    doc,
                    path,
                    "deze meting is afgeschermd, maar de waarde staat er nog. Wie het bestand "
                    f"opent, ziet het aantal toch: {_WHY} Haal 'waarde' weg; de site toont "
                    "'minder dan 10'.",
                )
            elif persons and abs(meting["waarde"]) < SMALL_COUNT:
                shown = f"{number_text(meting['waarde'])} {unit}".strip()
                yield problem_at(
                    doc,
                    path,
                    f"{shown} is een aantal personen kleiner dan {SMALL_COUNT}. Zo'n klein aantal "
                    f"kan naar één kind of gezin te herleiden zijn. {_WHY} Haal 'waarde' weg en "
                    "zet 'afgeschermd: true'; de site toont dan 'minder dan 10'. Telt deze "
                    "indicator geen personen? Zet dan 'telt_personen: false' bij de indicator."
                )
