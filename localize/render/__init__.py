"""Renderers: values in, locale text out. Number formatting is shared by money,
units and dates, and its conventions come from the profile plus CLDR (Babel)."""
