"""Form behaviour of the intranet's report forms."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext

from .national_id import contains_national_id


class NationalIdFormMixin:
    """Refuses any answer holding what may be a fødselsnummer, D-nummer or H-nummer (see
    network/national_id.py: control digits or not); everything typed stays in the form."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            # The typed text too: a number field turns «15038712345» into a Decimal, not a str.
            typed = self.data.getlist(self.add_prefix(name)) if hasattr(self.data, "getlist") else []
            values = [*(value if isinstance(value, list) else [value]), *typed]
            if any(isinstance(v, str) and contains_national_id(v) for v in values):
                self.add_error(
                    name,
                    gettext(
                        "Teksten ser ut til å inneholde et fødselsnummer eller D-nummer. Skjemaet skal ikke "
                        "inneholde opplysninger som kan identifisere et barn eller en familie. Fjern nummeret "
                        "og send på nytt."
                    ),
                )
        return cleaned


# Long enough for any honest answer (a page of text), short enough that nobody stores a megabyte.
MAX_ANSWER_LENGTH = 10_000


class AnswerLengthFormMixin:
    """Caps every free-text answer at MAX_ANSWER_LENGTH characters: Django's own translated
    message on the field, and everything typed stays in the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = MAX_ANSWER_LENGTH
                field.validators.append(MaxLengthValidator(MAX_ANSWER_LENGTH))
                field.widget.attrs["maxlength"] = str(MAX_ANSWER_LENGTH)
