"""The feedback forms: the answer under the page, and the optional comment after «Nei»."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import PageFeedback
from network.forms import NationalIdFormMixin

ANSWERS = {"ja": True, "nei": False}


class HoneypotMixin(forms.Form):
    # Hidden from people (CSS and aria-hidden); a bot that fills every field gets a thank-you and
    # nothing is stored.
    nettsted = forms.CharField(required=False)

    def is_bot(self) -> bool:
        return bool(self.data.get("nettsted"))


class AnswerForm(HoneypotMixin):
    page = forms.IntegerField(min_value=1)
    svar = forms.ChoiceField(choices=[(key, key) for key in ANSWERS])

    def found(self) -> bool:
        return ANSWERS[self.cleaned_data["svar"]]


class CommentForm(NationalIdFormMixin, HoneypotMixin):
    kvittering = forms.CharField(max_length=200)
    kommentar = forms.CharField(
        label=_("Hva lette du etter? (valgfritt)"),
        required=False,
        max_length=PageFeedback.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "class": "ds-input"}),
    )
