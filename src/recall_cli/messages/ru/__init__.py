"""The Russian catalog: one module per area, the same keys in every language."""

from recall_cli.messages.ru import (
    calling,
    contacts,
    core,
    dnc,
    explain,
    outcomes,
    simulate,
    trace,
    validate,
)

CATALOG: dict[str, str] = {
    **core.MESSAGES,
    **contacts.MESSAGES,
    **dnc.MESSAGES,
    **outcomes.MESSAGES,
    **simulate.MESSAGES,
    **validate.MESSAGES,
    **explain.MESSAGES,
    **trace.MESSAGES,
    **calling.MESSAGES,
}
