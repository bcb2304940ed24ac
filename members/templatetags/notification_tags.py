from django import template

from members.notifications import unread_count

register = template.Library()


@register.inclusion_tag("members/includes/notifications_link.html", takes_context=True)
def notifications_link(context) -> dict:
    """The header's link to the notification centre with the reader's unread count (cached:
    ``members.notifications.unread_count``)."""
    return {"unread": unread_count(context["request"].user)}
