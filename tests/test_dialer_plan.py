"""The run plan's dialer: each number's zone from the list's zone cells and libphonenumber,
the campaign's zone otherwise; a list's unreadable zone cell refused at its cell."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from recall_cli.cli.plan import RunOptions, RunPlan, plan_run
from recall_cli.cli.setup import dialer_output, dialer_setup
from recall_cli.engine import Contact
from recall_cli.engine.hours import LocalTime
from recall_cli.loaders.config import load_config
from recall_cli.render.run import DialerOutput
from tests.support import SAMPLE_CONFIGS, SAMPLE_LISTS

CONFIG = SAMPLE_CONFIGS / "collections_ru.yaml"
LIST = SAMPLE_LISTS / "regions_400.csv"
MOSCOW = ZoneInfo("Europe/Moscow")


def _plan(records: tuple[str, ...] = ()) -> RunPlan:
    return plan_run(RunOptions(CONFIG, LIST, start="2026-12-01T09:00", records=records))


def test_each_number_is_judged_in_its_cell_else_its_own_else_its_records_zone() -> None:
    plan = _plan()
    setup = plan.setup
    assert setup is not None
    assert setup.dialer is not None
    assert setup.dialer.lines == 30
    assert len(setup.zones) == 400
    plus_four = timezone(timedelta(hours=4))
    assert setup.zones[0] == (plus_four,) * 4  # МСК+1 in its cell
    assert setup.zones[2] == (timezone(timedelta(hours=12)),) * 4  # +12:00
    assert setup.zones[1] == (ZoneInfo("Asia/Vladivostok"),) * 4  # a 4212 landline
    assert setup.zones[10] == (ZoneInfo("Europe/Kaliningrad"),) * 4  # not libphonenumber's
    # A Moscow landline pins the record: its mobile lives there too.
    assert setup.zones[6] == (MOSCOW,) * 4
    assert setup.zones[13] == (ZoneInfo("Asia/Krasnoyarsk"),) * 4  # an IANA name in its cell
    assert setup.zone_fallback == 34


def test_a_mobile_alone_falls_back_to_the_campaign_zone_and_counts() -> None:
    campaign = load_config(CONFIG)
    records = [Contact("1", ("89398695171", "", "нет")), Contact("2", ("84012957760",), zone="")]
    setup = dialer_setup(campaign, records)
    assert setup is not None
    assert setup.zones == [(MOSCOW,) * 4, (ZoneInfo("Europe/Kaliningrad"),) * 2]
    assert setup.zone_fallback == 1  # the mobile; an empty cell and "нет" are no numbers


def test_under_campaign_time_every_zone_is_the_campaigns() -> None:
    campaign = load_config(CONFIG)
    assert campaign.hours is not None
    hours = replace(campaign.hours, local_time=LocalTime.CAMPAIGN)
    records = [Contact("1", ("84212268833", ""), zone="UTC+9"), Contact("2", ("1",))]
    setup = dialer_setup(replace(campaign, hours=hours), records)
    assert setup is not None
    assert setup.zones == [(MOSCOW,) * 3, (MOSCOW,) * 2]
    assert setup.zone_fallback == 0
    assert dialer_output(setup, False) == DialerOutput(lines=True, hours=True, zones=False)


def test_a_part_i_config_has_no_setup_and_no_dialer_output() -> None:
    campaign = load_config(CONFIG)
    part_one = replace(campaign, hours=None, dialer=None)
    assert dialer_setup(part_one, [Contact("1", ("1",))]) is None
    assert dialer_output(None, False) is None
    assert dialer_output(None, True) == DialerOutput()


def test_record_with_lines_plays_the_whole_campaign() -> None:
    plan = _plan(records=("5",))
    assert plan.whole
    assert plan.selection == ("5",)


def test_simulate_refuses_an_unreadable_zone_cell_naming_it(tmp_path: Path) -> None:
    listed = tmp_path / "list.csv"
    listed.write_text("id,phone,Часовой пояс\n1,84951239000,МСК+1\n2,84951239001,Сибирь\n")
    done = subprocess.run(
        [sys.executable, "-m", "recall_cli", "simulate", str(CONFIG), str(listed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert (
        f"{listed}:3:15: error RC210 'Сибирь' is not a time zone (an IANA name, UTC+5, "
        "+05:00 or MSK+4)" in done.stderr
    )
    assert "Traceback" not in done.stderr
