"""New workflow pages (a guide or a service directory, also a new translation of one) get the
workflow at once, and a new intranet page gets the coordinators' permissions."""

from django.apps import apps as django_apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Page

from . import setup

WATCHED = setup.WORKFLOW_PAGE_TYPES | setup.COORDINATOR_PAGE_TYPES


@receiver(post_save, dispatch_uid="editorial_assign_pages")
def assign_new_page(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page):
        return
    if (sender._meta.app_label, sender._meta.model_name) in WATCHED:
        setup.assign_pages(django_apps, page_ids=[instance.pk])
