"""The guide app's models: the action guide (guide.py) and the service directory (directory.py).

Django finds the models here; import them from `guide.models`."""

from .directory import CARD_FIELDS, ServiceDirectoryPage, ServicePage
from .guide import (
    ConcernPage,
    GuideIndexPage,
    GuideLevelPage,
    GuidePage,
    LevelContent,
    ServiceAreaGuidePage,
    StepLink,
    Tool,
    ToolLibraryPage,
    raw_items,
    raw_steps,
    step_anchor,
)

__all__ = [
    "CARD_FIELDS",
    "ConcernPage",
    "GuideIndexPage",
    "GuideLevelPage",
    "GuidePage",
    "LevelContent",
    "ServiceAreaGuidePage",
    "ServiceDirectoryPage",
    "ServicePage",
    "StepLink",
    "Tool",
    "ToolLibraryPage",
    "raw_items",
    "raw_steps",
    "step_anchor",
]
