"""The value functions of mappings: slugs, numbers, dates with precision, DMS coordinates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.ingest.transforms import (
    ValueProblem,
    check_date_range,
    format_dms,
    format_precision,
    parse_coordinate,
    parse_date_formats,
    parse_iso_date,
    parse_number,
    search_date,
    slugify,
)
from claimgraph.iris import is_valid_id

# --------------------------------------------------------------------------- slugs


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Government of Syria", "government-of-syria"),
        ("Los Chone Killers ", "los-chone-killers"),
        ("Meme département", "meme-departement"),
        ("Raḩabah village", "rahabah-village"),
        ("Government of Yemen (North Yemen)", "government-of-yemen-north-yemen"),
    ],
)
def test_slugify_folds_accents_and_punctuation(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slugify_keeps_names_in_other_scripts_apart_with_a_hash() -> None:
    arabic = slugify("SMART News Agency - وكالة سمارت للأنباء")
    assert arabic.startswith("smart-news-agency-")
    assert len(arabic) == len("smart-news-agency-") + 8
    assert slugify("سراج الشام") != slugify("ابو يوشع حمص")
    assert slugify("سراج الشام").startswith("h-")


@given(st.text(min_size=1))
def test_slugify_always_gives_a_valid_deterministic_id(text: str) -> None:
    slug = slugify(text)
    assert is_valid_id(slug)
    assert slugify(text) == slug


# --------------------------------------------------------------------------- numbers


def test_parse_number() -> None:
    assert parse_number(3) == 3
    assert parse_number(" 1,200 ") == 1200
    assert parse_number("2.5") == Decimal("2.5")
    assert isinstance(parse_number("7"), int)
    for bad in ("many", True, "nan", None):
        with pytest.raises(ValueProblem):
            parse_number(bad)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("2015", {}, "2015"),
        ("2015-9", {}, "2015-09"),
        ("2015-12-23", {}, "2015-12-23"),
        ("2016-03-14T17:37:31.000Z", {}, "2016-03-14T17:37:31Z"),
        ("2021-02-22 00:00", {"precision": "day"}, "2021-02-22"),
        ("2015-11-15 00:00:00.000", {"precision": "day"}, "2015-11-15"),
        ("2015-12-23", {"precision": "month"}, "2015-12"),
        ("2015-11-08T22:30:00Z", {"precision": "day", "timezone": "+03:00"}, "2015-11-09"),
        ("2015-11-08T22:30:00+0200", {}, "2015-11-08T22:30:00+02:00"),
    ],
)
def test_parse_iso_date_keeps_or_truncates_precision(
    text: str, kwargs: dict[str, str], expected: str
) -> None:
    assert parse_iso_date(text, **kwargs) == expected  # type: ignore[arg-type]


def test_parse_iso_date_never_invents_precision() -> None:
    with pytest.raises(ValueProblem, match="only known to the month"):
        parse_iso_date("2015-12", precision="day")
    with pytest.raises(ValueProblem, match="calendar date"):
        parse_iso_date("2015-02-30")
    with pytest.raises(ValueProblem, match="not an ISO date"):
        parse_iso_date("23/12/2015")


def test_parse_date_formats_precision_follows_the_pattern() -> None:
    assert parse_date_formats("23/12/2015", ["%Y-%m-%d", "%d/%m/%Y"]) == "2015-12-23"
    assert parse_date_formats("Dec 2015", ["%b %Y"]) == "2015-12"
    assert format_precision("%Y") == "year"
    with pytest.raises(ValueProblem, match="matches none"):
        parse_date_formats("yesterday", ["%d/%m/%Y"])


@pytest.mark.parametrize(
    ("title", "order", "expected"),
    [
        ("قصف على معرة النعمان 15 11 2015", "dmy", "2015-11-15"),
        ("سرمين في ادلب 20-10-2015", "dmy", "2015-10-20"),
        ("بالصواريخ28\\2\\2016", "dmy", "2016-02-28"),
        ("ف حي قاضي عسكر 13 .1.2015.", "dmy", "2015-01-13"),
        ("اعزاز 15_2_2016", "dmy", "2016-02-15"),
        ("تلبيسة ١٧ ١٠ ٢٠١٥", "dmy", "2015-10-17"),
        ("غارتان 2015/11/24", "ymd", "2015-11-24"),
        ("no date 31 2 2016 but 1 3 2016", "dmy", "2016-03-01"),
        ("part ج1 8 11 2015", "dmy", "2015-11-08"),
    ],
)
def test_search_date_finds_dates_written_in_titles(title: str, order: str, expected: str) -> None:
    assert search_date(title, order=order) == expected  # type: ignore[arg-type]


def test_search_date_gives_nothing_without_a_date() -> None:
    assert search_date("الطائرات الروسية تشن غارة على كفرنبودة") is None
    assert search_date("20151115") is None


def test_check_date_range_compares_at_any_precision() -> None:
    assert check_date_range("2015-11", earliest="2015-09-30", latest="2016-03-14") == "2015-11"
    with pytest.raises(ValueProblem, match="before the earliest"):
        check_date_range("2015-01-17", earliest="2015-09-30", latest=None)
    with pytest.raises(ValueProblem, match="after the latest"):
        check_date_range("2106-02-05", earliest=None, latest="2016-03-06")


# --------------------------------------------------------------------------- coordinates

REAL_DMS_FORMS = [
    # every shape of latitude/longitude that ru_at.csv uses, with its value
    ("35°47'25.65\"N", "lat", Decimal("35.7904583")),
    ("36° 6'17.93\"E", "lon", Decimal("36.1049806")),
    ("35°29′56″N", "lat", Decimal("35.4988889")),
    ("37°5′50″E", "lon", Decimal("37.0972222")),
    ("36°28'36N", "lat", Decimal("36.4766667")),
    ("35°21'30\"", "lat", Decimal("35.3583333")),
    ("36°10'30", "lat", Decimal("36.175")),
    ("36°40'56.06", "lon", Decimal("36.6822389")),
    ("35.7874449N", "lat", Decimal("35.7874449")),
    ("36.0372269E", "lon", Decimal("36.0372269")),
    ("35.6478097", "lat", Decimal("35.6478097")),
    ("12°30'S", "lat", Decimal("-12.5")),
    ("-71.25", "lon", Decimal("-71.25")),
]


@pytest.mark.parametrize(("text", "axis", "expected"), REAL_DMS_FORMS)
def test_parse_coordinate_reads_every_form_in_the_real_data(
    text: str, axis: str, expected: Decimal
) -> None:
    assert parse_coordinate(text, axis) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "axis", "why"),
    [
        ("35°75'10\"N", "lat", "75 minutes"),
        ("36°10'30\"E", "lat", "is a longitude"),
        ("95°0'0\"N", "lat", "out of range"),
        ("-35°10'S", "lat", "both a minus sign"),
        ("north", "lat", "not a latitude"),
        ("35.5°10'", "lat", "fractional degrees"),
    ],
)
def test_parse_coordinate_rejects_with_a_reason(text: str, axis: str, why: str) -> None:
    with pytest.raises(ValueProblem, match=why):
        parse_coordinate(text, axis)  # type: ignore[arg-type]


@given(
    degrees=st.integers(min_value=0, max_value=179),
    minutes=st.integers(min_value=0, max_value=59),
    hundredths=st.integers(min_value=0, max_value=5999),
    negative=st.booleans(),
    axis=st.sampled_from(["lat", "lon"]),
)
def test_dms_round_trip(
    degrees: int, minutes: int, hundredths: int, negative: bool, axis: str
) -> None:
    if axis == "lat":
        degrees %= 90
    seconds = Decimal(hundredths) / 100
    exact = Decimal(degrees) + Decimal(minutes) / 60 + seconds / 3600
    value = -exact if negative else exact
    text = format_dms(value, axis)  # type: ignore[arg-type]
    parsed = parse_coordinate(text, axis)  # type: ignore[arg-type]
    assert abs(parsed - value) <= Decimal("0.00000005")
    assert format_dms(parsed, axis) == text  # type: ignore[arg-type]


@given(st.decimals(min_value=-90, max_value=90, places=7, allow_nan=False))
def test_decimal_degrees_survive_dms_within_a_hundredth_of_a_second(value: Decimal) -> None:
    text = format_dms(value, "lat")
    half_hundredth_of_a_second = Decimal("0.005") / 3600
    rounding_to_seven_places = Decimal("0.00000005")
    error = abs(parse_coordinate(text, "lat") - value)
    assert error <= half_hundredth_of_a_second + rounding_to_seven_places
