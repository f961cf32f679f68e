"""A time zone cell names no time zone.

Read only when the config judges calling hours in the record's local time
(`hours: {local_time: record}`, or a preset that does): the list's time zone column is the one
`list.timezone_column` names, else a column headed `timezone`, `tz` or `часовой пояс`. A cell
holds an IANA name (`Asia/Yekaterinburg`), an offset from UTC (`UTC+5`, `GMT-3:30`, `+05:00`)
or from Moscow (`MSK+4`, `МСК+4`: Moscow is UTC+3), within ±14:00; an empty cell lets the
record's numbers find their zones. The finding is at the cell.

FAIL::

    # config.yaml
    hours: ru_230fz
    # list.csv
    id,phone,tz
    1,89161234567,Сибирь

PASS::

    # config.yaml
    hours: ru_230fz
    # list.csv
    id,phone,tz
    1,89161234567,МСК+4
"""

from __future__ import annotations

from recall_cli.loaders import codes
from recall_cli.validate.rule import Rule, Scope, reported_by_loader

RULE = Rule(codes.UNREADABLE_ZONE, Scope.LOADER)

check = reported_by_loader
