"""Layout pieces shared by every app's templates."""

import re
from html import unescape

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.translation import gettext

register = template.Library()
CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.S)


class ScrollBoxNode(template.Node):
    def __init__(self, nodelist: template.NodeList, label: template.base.FilterExpression | None):
        self.nodelist, self.label = nodelist, label

    def render(self, context) -> str:
        content = self.nodelist.render(context)  # a SafeString: rendered, escaped already
        label = self.label.resolve(context) if self.label else ""
        if not label and (caption := CAPTION.search(content)):
            label = unescape(strip_tags(caption.group(1))).strip()
        return format_html(
            '<div class="table-scroll" role="region" tabindex="0" aria-label="{}">{}</div>',
            label or gettext("Table (scrolls sideways on narrow screens)"), content)


@register.tag
def scrollbox(parser, token) -> ScrollBoxNode:
    """``{% scrollbox [label] %}<table>…</table>{% endscrollbox %}``: a wide table scrolls
    inside its own box on a phone instead of widening the page; the box takes keyboard focus
    so that it can be scrolled without a mouse. It is named by ``label``, else by the
    table's caption, so that each box on a page has a name of its own."""
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("scrollbox takes at most one argument, its label")
    label = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endscrollbox",))
    parser.delete_first_token()
    return ScrollBoxNode(nodelist, label)
