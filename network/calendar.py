"""iCalendar feeds of the network's meetings (RFC 5545), for calendar apps that cannot log in,
and the addresses the meeting plan offers for them."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext

from icalendar import Calendar, Event

from .blocks import AgendaItemBlock


def feed_response(request, plan_page, meetings) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//BTI-portalen//møteplan//NO")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", plan_page.title)
    host = request.get_host().split(":")[0]
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.translation_key}@{host}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add("summary", meeting.title or meeting.local_group.title)
        if meeting.place:
            event.add("location", meeting.place)
        lines = [f"{gettext('Gruppe')}: {meeting.local_group.title}"]
        if meeting.video_url:
            lines.append(f"{gettext('Videolenke')}: {meeting.video_url}")
            event.add("url", meeting.video_url)
        for item in meeting.agenda:
            part = dict(AgendaItemBlock.PART_CHOICES).get(item.value["part"], "")
            lines.append(f"- {item.value['title']} ({part})")
        event.add("description", "\n".join(lines))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@dataclass(frozen=True)
class FeedAddress:
    """One feed as the meeting plan offers it: `url` to copy into a calendar, `webcal` to open one.

    webcal:// is the same address under the scheme Outlook, Apple Calendar and most phones
    register for subscriptions; they fetch it over https (or what the site is served by)."""

    slug: str
    title: str
    url: str

    @property
    def webcal(self) -> str:
        return "webcal://" + self.url.split("://", 1)[1]


def feed_addresses(request, plan_page, token, groups) -> list[FeedAddress]:
    """Every group's feed and the feed of all groups, as absolute addresses of this site."""
    everything = plan_page.ALL_GROUPS_FEED
    feeds = [(everything, gettext("Alle grupper"))] + [(group.slug, group.title) for group in groups]
    return [
        FeedAddress(
            slug=slug,
            title=title,
            url=request.build_absolute_uri(
                plan_page.url + plan_page.reverse_subpage("feed", kwargs={"token": token, "feed": slug})
            ),
        )
        for slug, title in feeds
    ]
