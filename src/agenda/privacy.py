"""The privacy guard: no personal data in the published data.

Everything in a data folder is public: the YAML files on GitHub as much as
the site. The data is about children, so the validator refuses what looks
like personal data, and every message says why (the AVG, the Dutch GDPR).

Rules, on schema-valid documents:

- A burgerservicenummer (BSN): a number that passes the elfproef
  (9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11, not all digits equal; an
  8-digit number is read with a leading 0). In text we look at runs of
  exactly 8 or 9 digits and at the layout 1234.56.782; a run that is part of
  a longer number (1.234567890, 123456789,50) or that is an amount (written
  with € before it or "euro" after it) is skipped. A number with spaces
  (123 456 782) or the dotted layout of an amount (123.456.782) is not
  recognised: it cannot be told apart from a list of numbers or an amount.
  The digits of a phone number are left to the phone rule.
  Whole-number values are checked too, except amounts: ``bedrag`` and the
  ``waarde`` of an indicator measured in euro.
- E-mail addresses and Dutch phone numbers (06-12345678, +31 6 12345678,
  0031 6..., 030-1234567, (030) 123 45 67). We cannot tell a person's address
  from an organisation's, so every one is refused unless it is listed in
  regio.yaml under ``toegestane_contactgegevens``; phone numbers are compared
  by their digits, so +31 33 123 4567 and 033-1234567 are the same number.
- Counts of persons below 10 in the measurements (``metingen``) of an
  indicator (0 to 9, or a difference of less than 10 either way): such a
  small number can point to one child or family. An
  indicator counts persons when it says ``telt_personen: true``, or, when it
  does not say, when its ``eenheid`` names persons (kinderen, leerlingen,
  jongeren, ouders, gezinnen ...) and is not a percentage. A small count must
  be suppressed: ``afgeschermd: true`` without a ``waarde`` (the site shows
  "minder dan 10"). A suppressed measurement that still holds its value is
  refused too, since the file itself is public.

YAML comments are not part of the parsed data and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .problems import Problem, field_name
from .yamlfile import Path, YamlDocument, leaves

if TYPE_CHECKING:
    from .checks import Documents

ALLOWLIST_KEY = "toegestane_contactgegevens"
SMALL_COUNT = 10

_WHY = "Deze gegevens zijn openbaar, ook de bestanden zelf, en gaan over kinderen (AVG)."

_BSN = re.compile(r"(?<![\d.,])(?:\d{8,9}|\d{4}\.\d{2}\.\d{3})(?!\d|[.,]\d)")
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_AMOUNT_BEFORE = re.compile(r"€\s*$")
_AMOUNT_AFTER = re.compile(r"\s*(euro|EUR)\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
# a Dutch number: 0 or +31 / 0031 (with an optional '(0)'), then nine digits
# of which the first is not 0, with at most two separators between digits
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(?0)[1-9](?:[ .()-]{0,2}\d){8}(?!\d)"
)
_PERSON_WORDS = (
    "kind",
    "kinderen",
    "leerling",
    "leerlingen",
    "jongere",
    "jongeren",
    "jeugdige",
    "jeugdigen",
    "ouders",
    "gezin",
    "gezinnen",
    "cliënt",
    "cliënten",
    "client",
    "clienten",
    "persoon",
    "personen",
    "deelnemer",
    "deelnemers",
    "zitter",
    "zitters",
    "student",
    "studenten",
)
_PERCENT = re.compile(r"%|procent")
# at least eight digits: what a BSN (8 or 9) and a phone number (10) need; most texts have fewer,
# and this one search is much faster than looking for both
_EIGHT_DIGITS = re.compile(r"\d(?:\D*\d){7}")
_EURO = re.compile(r"€|\beuro\b", re.IGNORECASE)


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


def check_privacy(docs: Documents) -> Iterator[Problem]:
    """A problem for every value in ``docs`` that looks like personal data."""
    regio = docs.single.get("regio")
    allowed_list = regio.data.get(ALLOWLIST_KEY, []) if regio else []
    allowed = {_contact_key(entry) for entry in allowed_list} - {None}
    if regio:
        for index, entry in enumerate(allowed_list):
            if _contact_key(entry) is None:
                yield _problem(
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
                yield from _check_text(doc, path, value, allowed)
            elif isinstance(value, int) and not isinstance(value, bool) and path not in amounts:
                if 8 <= len(str(abs(value))) <= 9 and is_bsn(str(abs(value))):
                    yield _problem(doc, path, _bsn_message(str(abs(value))))
        yield from _check_counts(doc)


def counts_persons(indicator: dict) -> bool:
    """Whether the measurements of ``indicator`` are numbers of persons."""
    if "telt_personen" in indicator:
        return indicator["telt_personen"]
    unit = indicator.get("eenheid", "").lower()
    if _PERCENT.search(unit):
        return False
    return any(word.endswith(_PERSON_WORDS) for word in re.findall(r"\w+", unit))


def _problem(doc: YamlDocument, path: Path, message: str) -> Problem:
    return Problem(path=doc.path, line=doc.line(path), field=field_name(path), message=message)


def _amount_paths(data: dict) -> Iterator[Path]:
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
    text = text.strip()
    if _EMAIL.fullmatch(text):
        return text.lower()
    if _PHONE.fullmatch(text):
        return phone_digits(text)
    return None


def _check_text(doc: YamlDocument, path: Path, text: str, allowed: set[str]) -> Iterator[Problem]:
    enough_digits = _EIGHT_DIGITS.search(text) is not None
    phones = list(_PHONE.finditer(text)) if enough_digits else []
    for match in _BSN.finditer(text) if enough_digits else ():
        digits = match.group().replace(".", "")
        before, after = text[: match.start()], text[match.end() :]
        in_phone = any(p.start() <= match.start() < p.end() for p in phones)
        amount = _AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(after)
        if is_bsn(digits) and not in_phone and not amount:
            yield _problem(doc, path, _bsn_message(digits))
    for match in _EMAIL.finditer(text) if "@" in text else ():
        if match.group().lower() not in allowed:
            local, _, domain = match.group().partition("@")
            shown = local[0] + "*" * (len(local) - 1) + "@" + domain
            yield _problem(
                doc,
                path,
                f"'{shown}' lijkt een e-mailadres. E-mailadressen van personen horen hier niet: "
                f"{_WHY} Haal het adres weg. Is het een algemeen adres van een organisatie? "
                f"Zet het dan in regio.yaml onder '{ALLOWLIST_KEY}'.",
            )
    for match in phones:
        if phone_digits(match.group()) not in allowed:
            yield _problem(
                doc,
                path,
                f"'{_mask_digits(match.group(), keep_start=4)}' lijkt een telefoonnummer. "
                f"Telefoonnummers van personen horen hier niet: {_WHY} Haal het nummer weg. "
                "Is het een algemeen nummer van een organisatie? "
                f"Zet het dan in regio.yaml onder '{ALLOWLIST_KEY}'.",
            )


def _bsn_message(digits: str) -> str:
    return (
        f"'{_mask_digits(digits, keep_start=2)}' lijkt een burgerservicenummer (BSN): het getal "
        f"klopt met de elfproef. Een BSN is een persoonsgegeven en hoort hier niet: {_WHY} "
        "Haal het nummer weg. Is het geen BSN maar bijvoorbeeld een kenmerk? Schrijf het dan "
        "met een streepje of schuine streep erin, zoals 2023/123456."
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
                yield _problem(
                    doc,
                    path,
                    "deze meting is afgeschermd, maar de waarde staat er nog. Wie het bestand "
                    f"opent, ziet het aantal toch: {_WHY} Haal 'waarde' weg; de site toont "
                    "'minder dan 10'.",
                )
            elif persons and abs(meting["waarde"]) < SMALL_COUNT:
                shown = f"{meting['waarde']:g} {unit}".strip()
                yield _problem(
                    doc,
                    path,
                    f"{shown} is een aantal personen kleiner dan {SMALL_COUNT}. Zo'n klein aantal "
                    f"kan naar één kind of gezin te herleiden zijn. {_WHY} Haal 'waarde' weg en "
                    "zet 'afgeschermd: true'; de site toont dan 'minder dan 10'. Telt deze "
                    "indicator geen personen? Zet dan 'telt_personen: false' bij de indicator.",
                )
