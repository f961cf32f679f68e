"""Contact lists: CSV bytes → `ContactList`, every problem at its file:line:column.

The loader's modules, one concept each: `model` (what loading answers with), `decoding`
(bytes to text and lines), `dialect` (the delimiter), `columns` (the header's columns),
`columnar` (the usual list, a column at a time), `positions` (where cells start),
`reading` (the whole reading) and `phone_cells` (what phone headers and cells say).
The loader's entry points are named here; the rest is imported from its module.
"""

from recall_cli.loaders.contacts.model import (
    MAX_LIST_BYTES,
    ContactList,
    ListColumns,
    ListReport,
)
from recall_cli.loaders.contacts.positions import locate_cells
from recall_cli.loaders.contacts.reading import check_list, load_list

__all__ = [
    "MAX_LIST_BYTES",
    "ContactList",
    "ListColumns",
    "ListReport",
    "check_list",
    "load_list",
    "locate_cells",
]
