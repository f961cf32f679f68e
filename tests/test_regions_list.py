"""The regional sample list: records across Russia's zones, with a time zone column."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from typer.testing import CliRunner

from recall_cli.cli import app
from recall_cli.loaders.contacts import check_list
from recall_cli.simulate.zones import parse_zone_cell, phone_zone
from tests.support import SAMPLE_CONFIGS, SAMPLE_LISTS, benchmark_module

ROOT = Path(__file__).resolve().parent.parent
REGIONS = SAMPLE_LISTS / "regions_400.csv"
# A winter day: every Russian zone's offset then is the one it keeps all year.
WINTER = datetime(2026, 12, 1, 12, 0)


make_list = benchmark_module("make_list")


def _rows() -> list[list[str]]:
    with REGIONS.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))[1:]


def _hours(zone: object) -> float:
    assert not isinstance(zone, str), zone
    offset = WINTER.replace(tzinfo=zone).utcoffset()  # type: ignore[arg-type]
    assert offset is not None
    return offset.total_seconds() / 3600


def test_regions_400_is_what_the_generator_writes(tmp_path: Path) -> None:
    out = tmp_path / "again.csv"
    args = ["--regions", "--count", "400", "--seed", "400", str(out)]
    assert make_list.main(args) == 0
    assert out.read_bytes() == REGIONS.read_bytes()


def test_regions_400_loads_clean_with_the_zone_column_carried() -> None:
    report = check_list(REGIONS)
    assert report.problems == []
    loaded = report.contacts
    assert loaded is not None
    assert (loaded.encoding, loaded.delimiter, len(loaded.records)) == ("utf-8", ",", 400)
    assert REGIONS.read_bytes().count(b"\r\n") == 401
    assert loaded.columns == make_list.REGIONS_HEADER
    assert loaded.phone_columns == ("Телефон 1", "Телефон 2", "Телефон 3")
    assert dict(loaded.records[0].fields)["Часовой пояс"] == "МСК+1"


def test_every_landline_pins_its_regions_zone_and_no_mobile_is_pinned() -> None:
    by_city = {region.city: region for region in make_list.REGIONS}
    landlines = mobiles = 0
    for row in _rows():
        region = by_city[row[7].split(", ")[0]]
        for phone in filter(None, row[3:6]):
            if phone.startswith("9"):
                mobiles += 1
                assert phone_zone(phone, "RU") is None, phone
            else:
                landlines += 1
                assert phone.startswith(region.codes), (phone, region.city)
                assert phone_zone(phone, "RU") == region.zone, phone
    assert landlines > 150
    assert mobiles > 200


def test_every_region_table_code_gives_exactly_one_zone() -> None:
    for region in make_list.REGIONS:
        assert _hours(ZoneInfo(region.zone)) == region.utc_hours
        for code in region.codes:
            phone = code + "2" * (10 - len(code))
            assert phone_zone(phone, "RU") == region.zone, code


def test_zone_cells_agree_with_the_region_in_every_notation() -> None:
    by_city = {region.city: region for region in make_list.REGIONS}
    rows = _rows()
    cells = [row[6] for row in rows if row[6]]
    for row in rows:
        if row[6]:
            region = by_city[row[7].split(", ")[0]]
            assert _hours(parse_zone_cell(row[6])) == region.utc_hours, row
    assert 0.55 <= len(cells) / len(rows) <= 0.65
    notations = {
        "iana": [c for c in cells if "/" in c],
        "utc": [c for c in cells if c.startswith("UTC+")],
        "offset": [c for c in cells if c.startswith("+")],
        "мск": [c for c in cells if c.startswith("МСК")],
        "msk": [c for c in cells if c.startswith("MSK")],
        "gmt": [c for c in cells if c.startswith("GMT+")],
    }
    assert sum(map(len, notations.values())) == len(cells)
    assert all(len(found) >= 20 for found in notations.values()), notations
    assert "MSK-1" in cells
    assert "Asia/Kamchatka" in cells
    regions = {row[7].split(", ")[0] for row in rows}
    assert regions == set(by_city)


def test_some_records_have_only_mobiles_and_no_zone() -> None:
    lonely = [
        row
        for row in _rows()
        if not row[6] and all(p.startswith("9") for p in filter(None, row[3:6]))
    ]
    assert 10 <= len(lonely) <= 40


def test_regions_400_simulates_with_the_default_config() -> None:
    result = CliRunner().invoke(
        app,
        [
            "simulate",
            str(SAMPLE_CONFIGS / "cloud_contact_default.yaml"),
            str(REGIONS),
            "--seed",
            "1",
            "--start",
            "2026-12-01T09:00",
            "--format",
            "json",
            "--no-events",
        ],
    )
    assert (result.exit_code, result.stderr) == (0, "")
    summary = json.loads(result.stdout)["summary"]
    assert summary["records"] == 400
    assert summary["states"]["no_numbers"] == 0
