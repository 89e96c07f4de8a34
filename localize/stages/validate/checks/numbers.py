"""Number format: separators as the reader's locale writes them (CLDR, through the
profile's number style), and digit grouping where the locale requires it.

Only unambiguous shapes are touched. "1,234.56" in German text is English for sure (a
German number never has a comma before a point), and so is "1,234,567"; "1,234" alone
could be a German decimal and is left alone. In French, a plain or no-break space
between digit groups becomes the narrow no-break space CLDR gives.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..compiled import compile as rcompile
from ..spec import RuleSpec
from . import Hit, remaining

# A number stands alone: not part of a word in a spaced script ("A380", "3G") nor of a
# longer figure. Han and kana may touch it: 12,345円 and 第3 are ordinary.
_EDGE_BEFORE = r"(?<![\p{N}.,\p{Latin}\p{Greek}\p{Cyrillic}])"
_EDGE_AFTER = r"(?![\p{N}\p{Latin}\p{Greek}\p{Cyrillic}]|[.,]\p{N})"


class NumberFormatChecker:
    def __init__(self, spec: RuleSpec, profile) -> None:
        from ....render.numbers import number_style
        self.spec = spec
        style = number_style(profile)
        self.decimal, self.group = style.decimal, style.group
        self.min_grouping = style.min_grouping   # es: 1234 stays ungrouped, 12.345 not
        patterns: list[str] = []
        if self.decimal in ",.":
            other = "." if self.decimal == "," else ","
            d, o = regex.escape(self.decimal), regex.escape(other)
            # Foreign order: groups with our decimal mark, then a fraction after theirs.
            patterns.append(f"(?P<swap>\\p{{N}}{{1,3}}(?:{d}\\p{{N}}{{3}})+{o}\\p{{N}}+)")
            # Two or more groups with our decimal mark as the separator.
            patterns.append(f"(?P<groups>\\p{{N}}{{1,3}}(?:{d}\\p{{N}}{{3}}){{2,}})")
            if self.group not in (self.decimal, other):
                # French and others group with spaces: "1.234.567" is foreign too.
                patterns.append(f"(?P<dots>\\p{{N}}{{1,3}}(?:{o}\\p{{N}}{{3}}){{2,}})")
        if self.group.strip() == "" and self.group:
            # Space-grouping locales: any other space between groups.
            others = regex.escape("".join(c for c in " \u00a0\u202f\u2009" if c != self.group))
            patterns.append(f"(?P<spaces>\\p{{N}}{{1,3}}(?:[{others}{regex.escape(self.group)}]\\p{{N}}{{3}})+"
                            f"(?:{regex.escape(self.decimal)}\\p{{N}}+)?)")
        grouping = spec.get("grouping") or {}
        if grouping:
            skip_before, skip_after = grouping.get("skip_before"), grouping.get("skip_after")
            plain = f"(?P<plain>\\p{{N}}{{{int(grouping.get('min_digits', 5))},}})"
            if skip_before:
                plain = f"(?<!{skip_before}){plain}"
            if skip_after:
                plain = f"{plain}(?!{skip_after})"
            patterns.append(plain)
        self.regex = rcompile(f"{_EDGE_BEFORE}(?:{'|'.join(patterns)}){_EDGE_AFTER}") if patterns else None

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        if self.regex is None:
            return
        for m in self.regex.finditer(text, timeout=remaining(deadline)):
            found = m.group()
            fixed = self._fix(m)
            if fixed == found:
                continue
            yield Hit(m.start(), m.end(), ((m.start(), m.end(), fixed),),
                      {"match": found, "fix": fixed, "decimal": self.decimal, "group": self.group})

    def _fix(self, m: regex.Match) -> str:
        found, groups = m.group(), m.groupdict()
        if groups.get("plain"):
            return self._group(found)
        if groups.get("swap"):
            whole, _, fraction = found.rpartition("," if self.decimal == "." else ".")
            return self._group(whole) + self.decimal + fraction
        if groups.get("groups") or groups.get("dots"):
            return self._group(found)
        integer, sep, fraction = found.partition(self.decimal)
        return self._group(integer) + sep + fraction

    def _group(self, integer: str) -> str:
        digits = "".join(c for c in integer if c.isdigit())
        if len(digits) < 3 + self.min_grouping:
            return digits
        return _group_digits(digits, self.group)


def _group_digits(digits: str, group: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return group.join(parts)
