"""Rule documentation for the terminology stage (examples are checked by the test suite).

The examples use the shipped glossaries: en-US-en-GB (applied by the en-GB and en-US
profiles) and tech-news (chosen in the example's configuration)."""
from __future__ import annotations

from ...edits import Severity
from ...rules import Example, Rule

DEPRECATED = "terminology.deprecated"
FORBIDDEN = "terminology.forbidden"
CONSISTENCY = "terminology.consistency"
DO_NOT_TRANSLATE = "terminology.do-not-translate"

_TECH = {"glossaries": ["tech-news"]}

RULES = (
    Rule(DEPRECATED, "terminology", Severity.WARNING, "Deprecated term",
         "A glossary marks the term as deprecated for the reader's locale, or lists it only for "
         "another locale of the same language (an American spelling in a British article). It "
         "is replaced by the concept's preferred term, keeping the original's capitals and its "
         "plural or possessive ending. Words with two senses are only replaced where the entry's "
         "context pattern matches: the season fall, not prices that fall. The change names the "
         "concept and the glossary file.",
         (Example("The new colors arrive in the fall.\n",
                  "The new colours arrive in the autumn.\n", locale="en-GB"),
          Example("Prices fall when supply rises.\n", None, locale="en-GB"),
          Example("The new colours arrive in the autumn.\n", None, locale="en-GB"))),
    Rule(FORBIDDEN, "terminology", Severity.ERROR, "Forbidden term",
         "A glossary forbids the term in the reader's language (a wrong or banned translation). "
         "It is replaced by the concept's preferred term; review the sentence around it.",
         # Needs a forbidden, non-brand term in tech-news (ja ジェネAI under generative-ai).
         (Example("ジェネAIの導入が進む。\n", "生成AIの導入が進む。\n",
                  locale="ja-JP", config=_TECH),
          Example("生成AIの導入が進む。\n", None, locale="ja-JP", config=_TECH))),
    Rule(CONSISTENCY, "terminology", Severity.WARNING, "Two names for one concept",
         "The document uses two admitted names of one concept. Readers may take them for two "
         "things; pick one (the message names the preferred term). Not changed automatically.",
         (Example("深層学習の研究が進み、ディープラーニングの応用も広がった。\n", None,
                  locale="ja-JP", config=_TECH, flags=True),
          Example("深層学習の研究が進み、深層学習の応用も広がった。\n", None,
                  locale="ja-JP", config=_TECH)),
         fixable=False),
    Rule(DO_NOT_TRANSLATE, "terminology", Severity.ERROR, "Brand name altered",
         "The glossary marks the concept as do-not-translate (a brand or product name that every "
         "language writes the same way), and the text uses a transliterated or translated form "
         "the glossary lists as wrong. The brand is restored.",
         (Example("ニンボラは新しいモデルを公開した。\n", "Nimboraは新しいモデルを公開した。\n",
                  locale="ja-JP", config=_TECH),
          Example("Nimboraは新しいモデルを公開した。\n", None, locale="ja-JP", config=_TECH))),
)
