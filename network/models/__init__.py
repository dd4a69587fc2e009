"""The network app's models, one module per area:

- people.py – the Person and ServiceUnit snippets (and a unit's agents)
- pages.py – the public network pages
- intranet.py – the intranet's start page, training, meetings, calendar feeds and progress plan
- reports.py – report forms, their questions and the units' answers

Blocks are in network/blocks.py, access rules in network/access.py, the answers' export in
network/exports.py.
"""

from .intranet import (
    CalendarFeedToken,
    IntranetPage,
    IntranetVisit,
    Meeting,
    MeetingPlanPage,
    ProgressPlanPage,
    TrainingIndexPage,
    TrainingPackagePage,
)
from .pages import NetworkGroupPage, NetworkIndexPage, RolePage, ServiceUnitListPage
from .people import Person, ServiceUnit, ServiceUnitAgent
from .reports import ReportFormField, ReportFormPage, ReportSubmission

__all__ = [
    "CalendarFeedToken",
    "IntranetPage",
    "IntranetVisit",
    "Meeting",
    "MeetingPlanPage",
    "NetworkGroupPage",
    "NetworkIndexPage",
    "Person",
    "ProgressPlanPage",
    "ReportFormField",
    "ReportFormPage",
    "ReportSubmission",
    "RolePage",
    "ServiceUnit",
    "ServiceUnitAgent",
    "ServiceUnitListPage",
    "TrainingIndexPage",
    "TrainingPackagePage",
]
