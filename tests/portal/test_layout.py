"""Wide tables scroll in a focusable box named after their caption."""

from django.template import Context, Template
from django.utils import translation

BOX = Template("{% load layout %}{% scrollbox %}<table>{{ caption }}<tr><td>{{ cell }}</td></tr>"
               "</table>{% endscrollbox %}")


def test_the_box_is_focusable_and_named_by_the_table_caption_escaped_once():
    html = BOX.render(Context({"caption": "", "cell": "<b>"}))
    assert 'role="region" tabindex="0"' in html and "<td>&lt;b&gt;</td>" in html
    named = Template("{% load layout %}{% scrollbox %}<table><caption>Bids in {{ c }}</caption>"
                     "</table>{% endscrollbox %}").render(Context({"c": "R&D <KRW>"}))
    assert 'aria-label="Bids in R&amp;D &lt;KRW&gt;"' in named


def test_a_table_without_caption_gets_a_name_in_the_reader_s_language():
    with translation.override("en"):
        assert 'aria-label="Table (scrolls sideways on narrow screens)"' in BOX.render(Context())
    with translation.override("ko"):
        assert 'aria-label="표 (좁은 화면에서는 옆으로 스크롤됩니다)"' in BOX.render(Context())
