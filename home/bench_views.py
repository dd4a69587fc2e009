"""The benchmark's upper bound (scripts/bench/): a view that does no work, served through the same
middleware as every page. Routed only when BENCH_VIEWS_ENABLED is true (never by default)."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

BODY = b"BTI-portalen bench: constant response\n"


@require_GET
def constant(request):
    return HttpResponse(BODY, content_type="text/plain; charset=utf-8")
