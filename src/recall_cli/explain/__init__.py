"""`recall explain`: a trainer's explanation of a retry policy, as pure text in a language.

The explainer builds an `Explanation` (sections of paragraphs, lists and tables, each piece
already in words); `render.explanation` lays it out with Rich or writes it as Markdown.
"""
