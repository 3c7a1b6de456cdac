"""The value functions of a mapping: slugs, numbers, dates with precision, coordinates.

Each function takes one cell and either returns the value in the form the claims format wants
(an id-safe slug, an ``int`` or :class:`~decimal.Decimal`, a date string at its precision, a
decimal-degree coordinate) or raises :class:`ValueProblem` with a sentence a person can act on.
They know nothing of mappings or rows, so they are tested on their own (``specs.py`` wires them
into mappings).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Literal

from claimgraph.iris import ID_PATTERN

Precision = Literal["year", "month", "day", "time"]
Axis = Literal["lat", "lon"]
DateOrder = Literal["dmy", "ymd", "mdy"]

_PRECISION_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2, "time": 3}


class ValueProblem(ValueError):
    """A cell that cannot be turned into the value a field needs; the message says why."""


# --------------------------------------------------------------------------- slugs


@functools.lru_cache(maxsize=4096)  # names recur (actors, places); the cache stays small
def slugify(text: str) -> str:
    """An id-safe, deterministic slug: ASCII letters and digits joined by ``-``.

    Accents are folded (``département`` → ``departement``). When letters that have no ASCII
    form are dropped (Arabic, Cyrillic …), an 8-digit hash of the original text is appended,
    so that two names differing only in those letters keep different ids.

    >>> slugify("Government of Syria")
    'government-of-syria'
    >>> slugify("Meme département")
    'meme-departement'
    >>> slugify("سراج الشام")
    'h-ef4b089c'
    """
    text = text.strip()
    folded = unicodedata.normalize("NFKD", text)
    kept: list[str] = []
    lost = False
    for char in folded:
        if char.isascii():
            kept.append(char.lower() if char.isalnum() else "-")
        elif unicodedata.category(char)[0] in "LN":
            lost = True
            kept.append("-")
        elif unicodedata.category(char) != "Mn":
            kept.append("-")
    slug = re.sub(r"-+", "-", "".join(kept)).strip("-")
    if lost or not slug:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else f"h-{digest}"
    return slug


def check_id(value: str) -> str:
    """``value`` if it can be an id, else a problem naming the fix (``slug: true``)."""
    if not ID_PATTERN.match(value):
        raise ValueProblem(
            f"{value!r} is not an id (letters, digits, '_', '-', '.'): add 'slug: true' "
            "or use '|slug' in the template"
        )
    return value


# --------------------------------------------------------------------------- numbers


def parse_number(value: object) -> int | Decimal:
    """An ``int`` when the number is whole, else a ``Decimal``; thousands separators allowed.

    >>> parse_number("1,200"), parse_number(" 3 "), parse_number("2.50")
    (1200, 3, Decimal('2.50'))
    """
    if isinstance(value, bool):
        raise ValueProblem(f"{value!r} is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip().replace(",", "").replace("_", ""))
        except InvalidOperation:
            raise ValueProblem(f"{value!r} is not a number") from None
    else:
        raise ValueProblem(f"{value!r} is not a number")
    if not number.is_finite():
        raise ValueProblem(f"{value!r} is not a finite number")
    if number == number.to_integral_value() and "." not in str(value):
        return int(number)
    return number


# --------------------------------------------------------------------------- dates

_ISO = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)
_SEP = r"\s*[\s/\-._\\,]\s*"
_SEARCH: dict[DateOrder, re.Pattern[str]] = {
    "dmy": re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}})(?!\d)"),
    "mdy": re.compile(rf"(?<!\d)(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}}){_SEP}(?P<y>\d{{4}})(?!\d)"),
    "ymd": re.compile(rf"(?<!\d)(?P<y>\d{{4}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})(?!\d)"),
}
#: Eastern Arabic and Persian digits read as ASCII digits, so "١٥ ١١ ٢٠١٥" is found too.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _format(day: dt.date | dt.datetime, precision: Precision, tz: str | None = None) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "day" or not isinstance(day, dt.datetime):
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    return day.strftime("%Y-%m-%dT%H:%M:%S") + (tz or "")


def _truncate(precision: Precision, wanted: Precision | None) -> Precision:
    """A date can be written less precisely than it was given, never more."""
    if wanted is None:
        return precision
    if _PRECISION_RANK[wanted] > _PRECISION_RANK[precision]:
        raise ValueProblem(f"the date is only known to the {precision}, not the {wanted}")
    return wanted


def parse_iso_date(
    value: str, *, precision: Precision | None = None, timezone: str | None = None
) -> str:
    """An ISO 8601 date or time, kept at the precision written (or truncated to ``precision``).

    ``timezone`` (``+03:00``) converts a time that has an offset before truncating it, so
    that a video uploaded at 22:30 UTC is dated the next day in Syria.

    >>> parse_iso_date("2016-03-14T17:37:31.000Z")
    '2016-03-14T17:37:31Z'
    >>> parse_iso_date("2021-02-22 00:00", precision="day")
    '2021-02-22'
    >>> parse_iso_date("2015-11-08T22:30:00Z", precision="day", timezone="+03:00")
    '2015-11-09'
    >>> parse_iso_date("2015-9")
    '2015-09'
    """
    text = value.strip()
    match = _ISO.match(text)
    if not match:
        raise ValueProblem(f"{value!r} is not an ISO date (2015, 2015-12, 2015-12-23, …T10:00Z)")
    year, month, day = int(match["y"]), int(match["m"] or 1), int(match["d"] or 1)
    try:
        if match["H"]:
            stamp = dt.datetime(
                year, month, day, int(match["H"]), int(match["M"]), int(match["S"] or 0)
            )
            tz = match["tz"]
            if tz and tz != "Z":
                tz = tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
            if tz == "+00:00":
                tz = "Z"
            if tz and timezone:
                stamp = stamp.replace(tzinfo=_offset(tz)).astimezone(_offset(timezone))
                tz = "Z" if timezone in ("Z", "+00:00") else timezone
            return _format(stamp, _truncate("time", precision), tz)
        day_value = dt.date(year, month, day)
    except ValueError as exc:
        raise ValueProblem(f"{value!r} is not a calendar date ({exc})") from None
    given: Precision = "day" if match["d"] else "month" if match["m"] else "year"
    return _format(day_value, _truncate(given, precision))


def _offset(text: str) -> dt.timezone:
    """``Z`` or ``+03:00`` as a fixed offset."""
    if text == "Z":
        return dt.UTC
    match = re.match(r"^([+-])(\d{2}):?(\d{2})$", text)
    if not match:
        raise ValueProblem(f"{text!r} is not a UTC offset like +03:00")
    minutes = int(match[2]) * 60 + int(match[3])
    return dt.timezone(dt.timedelta(minutes=-minutes if match[1] == "-" else minutes))


_DIRECTIVE_PRECISION = (("%H", "time"), ("%d", "day"), ("%j", "day"), ("%m", "month"))


def format_precision(pattern: str) -> Precision:
    """The precision a ``strptime`` pattern gives: its finest directive.

    >>> format_precision("%d/%m/%Y"), format_precision("%b %Y")
    ('day', 'month')
    """
    for directive, precision in _DIRECTIVE_PRECISION:
        if directive in pattern:
            return precision  # type: ignore[return-value]
    if "%b" in pattern or "%B" in pattern:
        return "month"
    return "year"


def parse_date_formats(
    value: str, formats: list[str], *, precision: Precision | None = None
) -> str:
    """The first of ``formats`` (``strptime`` patterns) that reads ``value``.

    >>> parse_date_formats("23/12/2015", ["%d/%m/%Y"])
    '2015-12-23'
    """
    text = value.strip()
    for pattern in formats:
        try:
            parsed = dt.datetime.strptime(text, pattern)
        except ValueError:
            continue
        return _format(parsed, _truncate(format_precision(pattern), precision))
    raise ValueProblem(f"{value!r} matches none of the date formats {', '.join(formats)}")


def search_date(
    text: str, *, order: DateOrder = "dmy", precision: Precision | None = None
) -> str | None:
    """The first calendar date written inside free text (a title, a note), or None.

    Day, month and year may be separated by spaces, ``/``, ``-``, ``.``, ``_`` or ``\\``;
    candidates that are not calendar dates (``31 2 2016``) are passed over.

    >>> search_date("قصف على معرة النعمان 15 11 2015")
    '2015-11-15'
    >>> search_date("غارتان 2015/11/24", order="ymd")
    '2015-11-24'
    >>> search_date("no date here") is None
    True
    """
    for match in _SEARCH[order].finditer(text.translate(_DIGITS)):
        try:
            found = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        return _format(found, _truncate("day", precision))
    return None


def date_bounds(text: str) -> tuple[dt.date, dt.date]:
    """First and last day a date string at any precision may mean."""
    year = int(text[:4])
    if len(text) == 4:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(text[5:7])
    if len(text) == 7:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    day = dt.date.fromisoformat(text[:10])
    return day, day


def check_date_range(value: str, *, earliest: str | None, latest: str | None) -> str:
    """``value`` if it can fall between ``earliest`` and ``latest`` (inclusive)."""
    first, last = date_bounds(value)
    if earliest is not None and last < date_bounds(earliest)[0]:
        raise ValueProblem(f"date {value} is before the earliest allowed date {earliest}")
    if latest is not None and first > date_bounds(latest)[1]:
        raise ValueProblem(f"date {value} is after the latest allowed date {latest}")
    return value


# --------------------------------------------------------------------------- coordinates

_DMS = re.compile(
    r"""^\s*(?P<sign>[-+−])?\s*
    (?P<deg>\d+(?:[.,]\d+)?)\s*(?:°|º|˚|deg|d\b)?\s*
    (?:(?P<min>\d+(?:[.,]\d+)?)\s*(?:'|′|’|‘|´|`|min|m\b)?\s*)?
    (?:(?P<sec>\d+(?:[.,]\d+)?)\s*(?:"|″|”|“|''|′′|sec|s\b)?\s*)?
    (?P<hem>[NSEWnsew])?\s*$""",
    re.VERBOSE,
)
_HEMISPHERES: dict[Axis, str] = {"lat": "NS", "lon": "EW"}
_LIMITS: dict[Axis, int] = {"lat": 90, "lon": 180}
_PLACES = Decimal("0.0000001")  # 1e-7 degrees: about a centimetre, finer than any DMS input


def parse_coordinate(value: object, axis: Axis) -> Decimal:
    """Decimal degrees from a decimal or a degree-minute-second string.

    Accepts what people type: ``35.6478``, ``-35.6478``, ``35.6141381N``, ``35°47'25.65"N``,
    ``36° 6'17.93"E``, ``37°5′50″E`` (primes), ``36°10'30`` (no marks or hemisphere). S and W
    make the value negative; a hemisphere of the other axis (a latitude ending in E) is an error.

    >>> parse_coordinate('35°47\\'25.65"N', "lat")
    Decimal('35.7904583')
    >>> parse_coordinate("37°5′50″E", "lon")
    Decimal('37.0972222')
    >>> parse_coordinate("35.6141381N", "lat")
    Decimal('35.6141381')
    """
    if isinstance(value, bool) or value is None:
        raise ValueProblem(f"{value!r} is not a coordinate")
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return _in_range(number, axis, value)
    text = str(value)
    match = _DMS.match(text)
    if not match:
        raise ValueProblem(f"{text!r} is not a {_axis_name(axis)} (decimal degrees or 35°47'25\"N)")
    parts = [match[name] for name in ("deg", "min", "sec")]
    degrees, minutes, seconds = (Decimal(p.replace(",", ".")) if p else None for p in parts)
    assert degrees is not None
    if (minutes is not None or seconds is not None) and degrees != degrees.to_integral_value():
        raise ValueProblem(f"{text!r} has fractional degrees followed by minutes or seconds")
    if minutes is not None and seconds is not None and minutes != minutes.to_integral_value():
        raise ValueProblem(f"{text!r} has fractional minutes followed by seconds")
    for amount, name in ((minutes, "minutes"), (seconds, "seconds")):
        if amount is not None and amount >= 60:
            raise ValueProblem(f"{text!r} has {amount} {name}; there are 60 in a degree")
    number = degrees + (minutes or Decimal(0)) / 60 + (seconds or Decimal(0)) / 3600
    if minutes is not None:
        rounded = number.quantize(_PLACES, rounding=ROUND_HALF_EVEN).normalize()
        number = Decimal(format(rounded, "f"))
    hemisphere = (match["hem"] or "").upper()
    if hemisphere and hemisphere not in _HEMISPHERES[axis]:
        raise ValueProblem(f"{text!r} is a {_axis_name(_other(axis))}, not a {_axis_name(axis)}")
    negative = match["sign"] in ("-", "−")
    if hemisphere in ("S", "W"):
        if negative:
            raise ValueProblem(f"{text!r} has both a minus sign and hemisphere {hemisphere}")
        negative = True
    return _in_range(-number if negative else number, axis, text)


def _axis_name(axis: Axis) -> str:
    return "latitude" if axis == "lat" else "longitude"


def _other(axis: Axis) -> Axis:
    return "lon" if axis == "lat" else "lat"


def _in_range(number: Decimal, axis: Axis, original: object) -> Decimal:
    if not number.is_finite() or abs(number) > _LIMITS[axis]:
        raise ValueProblem(f"{original!r} is out of range for a {_axis_name(axis)}")
    return number


def format_dms(number: Decimal, axis: Axis, *, second_places: int = 2) -> str:
    """Decimal degrees as ``35°47'25.65"N``: the inverse of :func:`parse_coordinate`.

    >>> format_dms(Decimal("35.7904583"), "lat")
    '35°47\\'25.65"N'
    """
    hemisphere = _HEMISPHERES[axis][1 if number < 0 else 0]
    quantum = Decimal(1).scaleb(-second_places)
    total = (abs(number) * 3600).quantize(quantum, rounding=ROUND_HALF_EVEN)
    degrees, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{int(degrees)}°{int(minutes)}'{seconds:.{second_places}f}\"{hemisphere}"


__all__ = [
    "ValueProblem",
    "check_date_range",
    "check_id",
    "date_bounds",
    "format_dms",
    "format_precision",
    "parse_coordinate",
    "parse_date_formats",
    "parse_iso_date",
    "parse_number",
    "search_date",
    "slugify",
]
