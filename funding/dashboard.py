from django.http import Http404


def dashboard(request):  # being written
    raise Http404


def bids_csv(request):  # being written
    raise Http404
