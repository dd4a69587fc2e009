"""Machine translation between Bokmål and Nynorsk with Apertium (see docs/apertium.md)."""

from .apertium import Apertium, ApertiumError, ApertiumUnavailable, Draft
from .translator import ApertiumTranslator

__all__ = ["Apertium", "ApertiumError", "ApertiumTranslator", "ApertiumUnavailable", "Draft"]
