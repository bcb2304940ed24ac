from django.http import Http404


def _todo(request, **kwargs):  # being written
    raise Http404


opportunity_list = bid_list = bid_detail = move = partner = task = task_done = _todo
document = download = comment = opportunity_detail = start_bid = _todo
