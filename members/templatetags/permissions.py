from django import template

from members.permissions import check

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action: str, obj=None) -> bool:
    """``{% can "manage_organisation" organisation as may_manage %}``"""
    return check(context["request"].user, action, obj).allowed
