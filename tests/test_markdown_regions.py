"""The protected-region scanner: everything a stage must never touch."""
from __future__ import annotations

import pytest

from localize.document import Document
from localize.markdown_regions import scan_markdown, scan_plain


def regions(text: str, fmt: str = "markdown") -> list[tuple[str, str]]:
    doc = Document(text, fmt)
    return [(r.kind, text[r.start:r.end]) for r in doc.protected]


def kinds(text: str, fmt: str = "markdown") -> set[str]:
    return {k for k, _ in regions(text, fmt)}


def prose(text: str, fmt: str = "markdown") -> str:
    doc = Document(text, fmt)
    return "".join(text[s:e] for s, e in doc.prose())


# -- front matter ----------------------------------------------------------------------

def test_yaml_front_matter():
    text = "---\ntitle: Rain in Osaka\nlang: ja-JP\n---\nBody text.\n"
    assert regions(text) == [("front_matter", "---\ntitle: Rain in Osaka\nlang: ja-JP\n---")]


def test_yaml_front_matter_closed_by_dots():
    text = "---\ntitle: x\n...\nBody.\n"
    assert regions(text)[0] == ("front_matter", "---\ntitle: x\n...")


def test_toml_front_matter():
    text = "+++\ntitle = \"Harbour news\"\n+++\nBody.\n"
    assert regions(text) == [("front_matter", "+++\ntitle = \"Harbour news\"\n+++")]


def test_empty_front_matter():
    assert regions("---\n---\nBody.\n") == [("front_matter", "---\n---")]


def test_front_matter_only_at_the_very_start():
    text = "Intro.\n\n---\ntitle: no\n---\n"
    assert "front_matter" not in kinds(text)


def test_unclosed_front_matter_is_not_front_matter():
    text = "---\ntitle: never closed\n\nBody.\n"
    assert "front_matter" not in kinds(text)


# -- fenced code -----------------------------------------------------------------------

def test_backtick_fence_with_info_string():
    text = "Before.\n\n```python\nx  =  1   \n\n\n\ny = 2\n```\n\nAfter.\n"
    assert regions(text) == [("code_block", "```python\nx  =  1   \n\n\n\ny = 2\n```")]


def test_tilde_fence():
    text = "~~~\nsome  code\n~~~\nText.\n"
    assert regions(text) == [("code_block", "~~~\nsome  code\n~~~")]


def test_fence_closes_only_with_same_char_and_at_least_same_length():
    text = "````\n```\n~~~\nstill code\n````\nout\n"
    assert regions(text) == [("code_block", "````\n```\n~~~\nstill code\n````")]


def test_unclosed_fence_runs_to_the_end():
    text = "Text.\n\n```\nunclosed  code\n\nmore\n"
    assert regions(text) == [("code_block", "```\nunclosed  code\n\nmore\n")]


def test_backtick_fence_info_string_may_not_contain_backticks():
    # "``` a ` b" is not a fence opener; the backticks are inline code instead.
    assert "code_block" not in kinds("```js ` x```\n")


def test_indented_fence_up_to_three_spaces():
    text = "   ```\n   code\n   ```\n"
    assert kinds(text) == {"code_block"}


# -- indented code ------------------------------------------------------------------------

def test_indented_code_after_a_blank_line():
    text = "Para.\n\n    code  line\n    more\n\nPara.\n"
    assert regions(text) == [("code_block", "    code  line\n    more")]


def test_indented_code_with_a_tab():
    assert regions("Para.\n\n\tcode\n") == [("code_block", "\tcode")]


def test_indented_code_keeps_its_inner_blank_lines():
    text = "Para.\n\n    first\n\n\n      \n    second\n\nAfter.\n"
    assert regions(text) == [("code_block", "    first\n\n\n      \n    second")]


def test_indented_line_continuing_a_paragraph_is_not_code():
    text = "A paragraph\n    continues lazily\n"
    assert regions(text) == []


def test_list_continuation_is_not_code():
    text = "- item one\n\n    continuation of the item\n\nPara.\n"
    assert regions(text) == []
    text = "1. step\n\n    explained here\n"
    assert regions(text) == []


def test_code_after_a_list_ends():
    text = "- item\n\nPara resets the list.\n\n    real code\n"
    assert regions(text) == [("code_block", "    real code")]


# -- inline code ------------------------------------------------------------------------

def test_inline_code_single_and_multiple_backticks():
    text = "Use `ls  -l` or ``a ` b`` or ```x``` here.\n"
    assert regions(text) == [("code_span", "`ls  -l`"), ("code_span", "``a ` b``"),
                             ("code_span", "```x```")]


def test_inline_code_needs_matching_backtick_runs():
    text = "Run ``cmd` now.\n"
    assert regions(text) == []


def test_inline_code_spans_lines_within_a_paragraph():
    text = "Start `code\ncontinued` end.\n"
    assert regions(text) == [("code_span", "`code\ncontinued`")]


def test_inline_code_does_not_cross_a_blank_line():
    text = "Start `open\n\nclose` end.\n"
    assert regions(text) == []


# -- URLs, autolinks, emails --------------------------------------------------------------

def test_autolinks():
    text = "See <https://example.org/a?b=1> or <mailto:desk@example.org> or <news@example.net>.\n"
    assert regions(text) == [("autolink", "<https://example.org/a?b=1>"),
                             ("autolink", "<mailto:desk@example.org>"),
                             ("autolink", "<news@example.net>")]


@pytest.mark.parametrize("tail", [".", ",", ";", ":", "!", "?", ")", "*", "_", "。", "、"])
def test_bare_url_excludes_trailing_punctuation(tail):
    text = f"Read https://example.com/report/2026{tail} Then go.\n"
    assert regions(text) == [("url", "https://example.com/report/2026")]


def test_bare_urls_of_several_kinds():
    text = "Links: http://a.example/x?y=1&z=2#frag www.example.org/path ftp://files.example/f.txt\n"
    assert [r for k, r in regions(text) if k == "url"] == [
        "http://a.example/x?y=1&z=2#frag", "www.example.org/path", "ftp://files.example/f.txt"]


def test_url_inside_parentheses():
    text = "The filing (https://example.com/filing.pdf) was late.\n"
    assert regions(text) == [("url", "https://example.com/filing.pdf")]


def test_emails():
    text = "Write to tips.desk+news@example.co.uk, or to a_b@example.org.\n"
    assert regions(text) == [("email", "tips.desk+news@example.co.uk"), ("email", "a_b@example.org")]


# -- links, images, references -----------------------------------------------------------

def test_link_destination_with_title():
    text = 'A [report](https://example.com/r "The  report") and more.\n'
    assert regions(text) == [("link_destination", '(https://example.com/r "The  report")')]
    # The link text stays editable.
    assert "report" in prose(text)


def test_image_destination_with_single_quoted_title():
    text = "![A chart](/img/chart.png 'Sales  chart')\n"
    assert regions(text) == [("link_destination", "(/img/chart.png 'Sales  chart')")]


def test_link_destination_in_angle_brackets_and_parenthesised_title():
    text = "[x](<a b.html> (Title))\n"
    assert regions(text) == [("link_destination", "(<a b.html> (Title))")]


def test_link_destination_with_balanced_parentheses():
    text = "[wiki](https://example.org/wiki/Foo_(bar)) end\n"
    assert regions(text) == [("link_destination", "(https://example.org/wiki/Foo_(bar))")]


def test_reference_definitions():
    text = ('Para.\n\n[site]: https://example.com/a  "Title"\n'
            "[other  ref]: <https://example.com/b>\n\nMore.\n")
    assert regions(text) == [("reference_definition", '[site]: https://example.com/a  "Title"'),
                             ("reference_definition", "[other  ref]: <https://example.com/b>")]


def test_reference_definition_cannot_interrupt_a_paragraph():
    text = "Para line\n[site]: https://example.com\n"
    # Not a definition, but the URL is still protected.
    assert regions(text) == [("url", "https://example.com")]


def test_reference_labels():
    text = "See [the  story][story-1] and [this][].\n"
    assert regions(text) == [("link_label", "[story-1]"), ("link_label", "[]")]


# -- HTML --------------------------------------------------------------------------------

def test_html_tags_and_attributes():
    text = 'A <span class="note" data-x=\'1\'>note</span> and <br/> and <img src=a.png alt="A  B">.\n'
    assert regions(text) == [("html_tag", '<span class="note" data-x=\'1\'>'),
                             ("html_tag", "</span>"), ("html_tag", "<br/>"),
                             ("html_tag", '<img src=a.png alt="A  B">')]


def test_inline_html_comment():
    text = "Before <!-- editor:  check  this --> after.\n"
    assert regions(text) == [("html_comment", "<!-- editor:  check  this -->")]


def test_html_comment_block_over_several_lines():
    text = "Para.\n\n<!--\nnote  one\n\n\nnote two\n-->\n\nAfter.\n"
    assert regions(text) == [("html_block", "<!--\nnote  one\n\n\nnote two\n-->")]


def test_one_line_html_comment_block():
    assert regions("<!-- x  y -->\n") == [("html_block", "<!-- x  y -->")]


@pytest.mark.parametrize("tag", ["script", "pre", "style", "textarea"])
def test_raw_html_blocks(tag):
    text = f"Para.\n\n<{tag}>\nkeep   this\n\n\nexactly\n</{tag}>\nAfter.\n"
    assert regions(text) == [("html_block", f"<{tag}>\nkeep   this\n\n\nexactly\n</{tag}>")]


def test_unclosed_raw_html_block_runs_to_the_end():
    text = "<pre>\nkeep  it\n"
    assert regions(text) == [("html_block", "<pre>\nkeep  it\n")]


def test_entities():
    text = "Fish &amp; chips &#169; &#x1F600; &nbsp; but not & alone or &;.\n"
    assert [r for k, r in regions(text) if k == "entity"] == ["&amp;", "&#169;", "&#x1F600;", "&nbsp;"]


# -- plain text format ----------------------------------------------------------------------

def test_text_format_protects_only_urls_and_emails():
    text = ("---\ntitle: not front matter\n---\n`not code` <b>not html</b> &amp;\n"
            "    not code either\nhttps://example.com/x. desk@example.org\n")
    assert regions(text, "text") == [("url", "https://example.com/x"), ("email", "desk@example.org")]


def test_scan_plain_and_scan_markdown_directly():
    assert scan_plain("x https://a.example y") == [(2, 19, "url")]
    protected, headings = scan_markdown("# Title\n\nText `c`\n")
    assert [(r.kind) for r in protected] == ["code_span"]
    assert [(h.start, h.end) for h in headings] == [(0, 7)]


def test_regions_are_sorted_and_disjoint():
    text = ("---\na: 1\n---\n# Head <b>x</b>\n\n```\ncode\n```\n\n    ind\n\n"
            "A [l](u) `c` https://x.example a@b.example &amp; <!-- c -->\n\n[r]: /x\n")
    doc = Document(text)
    spans = [(r.start, r.end) for r in doc.protected]
    assert spans == sorted(spans)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    assert {r.kind for r in doc.protected} == {
        "front_matter", "html_tag", "code_block", "link_destination", "code_span", "url",
        "email", "entity", "html_comment", "reference_definition"}


def test_headings_are_found():
    doc = Document("# One\n\nText\n\n## Two ##\n#not a heading\n")
    assert [doc.text[h.start:h.end] for h in doc.headings] == ["# One", "## Two ##"]


def test_bare_url_keeps_balanced_closing_parenthesis():
    text = "See https://example.org/wiki/Foo_(bar) and (https://example.org/x_(y)).\n"
    assert regions(text) == [("url", "https://example.org/wiki/Foo_(bar)"),
                             ("url", "https://example.org/x_(y)")]
    assert regions(text, "text") == regions(text)


@pytest.mark.parametrize("text", [
    "# Example\n    x  =  1\n",
    "```\nfenced\n```\n    indented  code\n",
    "<!-- note -->\n    indented  code\n",
    "<pre>\nx\n</pre>\n    indented  code\n",
])
def test_indented_code_right_after_another_block(text):
    assert ("code_block", text[text.rindex("    "):-1]) in regions(text)


def test_inline_code_does_not_run_past_a_heading():
    text = "# Title `open\ncontinued` text\n"
    assert regions(text) == []


def test_hashtags_are_protected_but_not_headings_numbers_or_fragments():
    from localize.document import Document
    text = "# Title\n\nSee #StartUps and #人工智能, the #1 firm, &#35; and https://x.y/#frag.\n\n#AI #クラウド\n"
    kinds = [(r.kind, text[r.start:r.end]) for r in Document(text).protected]
    assert ("hashtag", "#StartUps") in kinds and ("hashtag", "#人工智能") in kinds
    assert ("hashtag", "#AI") in kinds and ("hashtag", "#クラウド") in kinds
    assert not any(t in ("#1", "# Title", "#frag") for _, t in kinds)
    assert ("url", "https://x.y/#frag") in kinds
