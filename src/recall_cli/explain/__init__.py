"""`recall explain`: a trainer's explanation of a retry policy, as pure text in a language.

The explainer builds an `Explanation` (sections of paragraphs, lists and tables, each piece
already in words); `render.explanation` lays it out with Rich or writes it as Markdown.
"""

DEFAULT_PHONES = 2
"""Numbers of the sample record a trace or a status is played on."""
