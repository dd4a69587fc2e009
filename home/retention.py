"""Retention periods: how far back "older than N months" reaches.

Shared by the commands that delete stored answers (network's form submissions, home's page
feedback), so both count months the same way."""

import calendar

from django.utils import timezone


def months_before(moment, months: int):
    """The same local date and time `months` calendar months earlier (31 March − 1 month = 28/29 Feb)."""
    moment = timezone.localtime(moment)
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)
