"""Model fields of the guide app."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """A list of slugs from a fixed vocabulary, edited as checkboxes."""

    def __init__(self, *args, vocabulary=(), **kwargs):
        self.vocabulary = list(vocabulary)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.vocabulary,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            # Verbose names are lower case (Django's convention); a label starts with a capital.
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {slug for slug, _label in self.vocabulary}
        if not isinstance(value, list) or any(item not in allowed for item in value):
            raise ValidationError(_("Ukjent verdi i listen."), code="invalid_choice")
