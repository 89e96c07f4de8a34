"""normalise.mojibake: repair UTF-8 read as cp1252/Latin-1; never touch clean text."""
from __future__ import annotations

import subprocess
import sys

import pytest

RULE = "normalise.mojibake"


@pytest.mark.parametrize("broken, fixed", [
    ("Anthropicâ€™s model\n", "Anthropic’s model\n"),
    ("CafÃ© culture\n", "Café culture\n"),
    ("The â€œdealâ€\x9d closed\n", "The “deal” closed\n"),
    ("MÃ¼nchen und KÃ¶ln\n", "München und Köln\n"),
    ("prix de 3 â‚¬\n", "prix de 3 €\n"),
])
def test_mojibake_is_repaired(normalise, broken, fixed):
    result = normalise(broken)
    assert result.text == fixed
    changes = [c for c in result.changes if c.rule == RULE]
    assert changes and all(c.stage == "normalise" for c in changes)
    assert all("mojibake" in c.reason for c in changes)


def test_change_is_minimal_and_positioned(normalise):
    result = normalise("Line one.\n\nIt isnâ€™t over.\n")
    (change,) = result.changes
    assert (change.before, change.after) == ("â€™", "’")
    assert (change.line, change.column) == (3, 7)
    assert (change.output_start.line, change.output_start.column) == (3, 7)
    assert (change.original_end.line, change.original_end.column) == (3, 10)


CLEAN = [
    "Café culture, déjà vu, naïve, Ærø, œuvre, « guillemets », l’été\n",
    "Straße, Größe, Äpfel, Öl, Übermaß – „Anführungszeichen“\n",
    "Señor, año, ¿qué? ¡sí! — El niño\n",
    "Ça coûte 3 € ; à bientôt\n",
    "Ã as a letter alone, and Â too\n",
]


@pytest.mark.parametrize("text", CLEAN)
@pytest.mark.parametrize("locale", ["fr-FR", "de-DE", "es-ES", "en-US"])
def test_clean_text_never_changes(normalise, text, locale):
    result = normalise(text, locale=locale)
    assert result.text is text
    assert result.changes == [] and result.diagnostics == []


def test_mojibake_in_code_is_left_alone(normalise):
    text = "Prose.\n\n```\nCafÃ©\n```\n\nSee `isnâ€™t` and https://example.com/CafÃ©\n"
    result = normalise(text)
    assert result.text == text


def test_mojibake_split_by_an_invisible_character_is_repaired_in_one_run(normalise):
    result = normalise("CafÃ\u200b© open\n")
    assert result.text == "Café open\n"
    assert {c.rule for c in result.changes} == {RULE, "normalise.invisible-chars"}
    assert normalise(result.text).changes == []


def test_mojibake_revealed_by_nfc_is_repaired_in_one_run(normalise):
    # "Ã" written decomposed (A + combining tilde) hides the mis-decoded pair until NFC.
    result = normalise("CafA\u0303© open\n")
    assert result.text == "Café open\n"
    assert normalise(result.text).changes == []


def test_can_be_switched_off(normalise):
    config = {"overrides": {"*": {"normalise": {"mojibake": False}}}}
    text = "CafÃ© culture\n"
    assert normalise(text, config=config).text == text


def _modules_after(code: str) -> set[str]:
    script = "import sys, localize\n" + code + "\nprint('\\n'.join(sorted(sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_ftfy_is_not_imported_for_clean_text():
    code = ("r = localize.localize('Café, naïve, Straße, l’été\\n\\nMore text.\\n', "
            "locale='fr-FR', stages=['normalise'])\nassert r.changes == []")
    assert "ftfy" not in _modules_after(code)


def test_ftfy_is_imported_for_suspect_text():
    code = ("r = localize.localize('CafÃ© culture\\n', locale='fr-FR', stages=['normalise'])\n"
            "assert r.text == 'Café culture\\n'")
    assert "ftfy" in _modules_after(code)


def test_mojibake_whose_repair_depends_on_spacing_settles_in_one_run(normalise):
    # ftfy leaves "Â\xa0" after two spaces alone but repairs it after one; the space
    # run is collapsed later in the stage, so the repair must still happen this run.
    result = normalise("# à  Â\xa0\n")
    assert normalise(result.text).changes == []
    assert result.text == "# à \xa0\n"
