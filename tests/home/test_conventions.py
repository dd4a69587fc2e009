"""The rules for a page type (docs/conventions.md) hold for every page type there is.

A content fragment ({% page_content_cache %}) is stored once and shown to every visitor, so what it
renders must not depend on the visitor unless the fragment's key says so. The register in
docs/conventions.md must list every page type, so a new one is checked against the rules."""

import re
from pathlib import Path

from django.template import Template, engines
from django.template.base import FilterExpression, Node, VariableNode
from django.template.defaulttags import CsrfTokenNode
from django.template.loader import get_template
from django.template.loader_tags import BlockNode, ExtendsNode, IncludeNode

from wagtail.models import get_page_models

import pytest

from home.templatetags.portal_tags import PageContentCacheNode

CONVENTIONS = Path(__file__).resolve().parents[2] / "docs" / "conventions.md"
PORTAL_APPS = {"home", "guide", "network"}
# What differs from one visitor to the next. `request.GET` is allowed in a fragment that varies on
# more than the page (the directory's cards carry the shown services in their key).
VISITOR_ROOTS = {"user", "perms", "messages", "csrf_token", "form"}
VISITOR_PATHS = ("request.user", "request.session")
QUERY_PATHS = ("request.GET", "request.COOKIES")


def page_types():
    return [model for model in get_page_models() if model._meta.app_label in PORTAL_APPS]


def expressions(value):
    """Every template variable name used by a node attribute (filters, conditions, loops, with)."""
    if isinstance(value, FilterExpression):
        yield str(value.var)
        for _filter, arguments in value.filters:
            for _lookup, argument in arguments:
                yield str(argument)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from expressions(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from expressions(item)
    elif hasattr(value, "value") and isinstance(value.value, FilterExpression):  # smartif literal
        yield from expressions(value.value)
    elif hasattr(value, "first"):  # smartif operator
        yield from expressions(value.first)
        yield from expressions(getattr(value, "second", None))


def walk(nodelist, blocks, inside):
    """Yield (node, enclosing fragment or None) over a template with its inheritance resolved."""
    for node in nodelist:
        if isinstance(node, ExtendsNode):
            child_blocks = {block.name: block for block in node.nodelist.get_nodes_by_type(BlockNode)}
            parent = get_template(node.parent_name.var).template
            yield from walk(parent.nodelist, {**child_blocks, **blocks}, inside)
            return
        if isinstance(node, BlockNode):
            yield from walk(blocks.get(node.name, node).nodelist, blocks, inside)
            continue
        yield node, inside
        if isinstance(node, IncludeNode) and isinstance(node.template.var, str):
            yield from walk(get_template(node.template.var).template.nodelist, {}, inside)
        fragment = node if isinstance(node, PageContentCacheNode) else inside
        for attribute in getattr(node, "child_nodelists", ()):
            yield from walk(getattr(node, attribute, None) or [], blocks, fragment)
        if hasattr(node, "conditions_nodelists"):  # {% if %}
            for _condition, branch in node.conditions_nodelists:
                yield from walk(branch, blocks, fragment)


def standard_vary_keys() -> int:
    """How many keys a fragment varies on without extra arguments (page, site, generation, …)."""
    plain = Template('{% load portal_tags %}{% page_content_cache "x" %}{% endpage_content_cache %}')
    return len(plain.nodelist.get_nodes_by_type(PageContentCacheNode)[0].vary_on)


def visitor_dependent(template: Template) -> list[str]:
    found = []
    standard = standard_vary_keys()
    for node, fragment in walk(template.nodelist, {}, None):
        if fragment is None or not isinstance(node, Node):
            continue
        extra_keys = len(fragment.vary_on) > standard
        if isinstance(node, CsrfTokenNode):
            found.append("{% csrf_token %}")
        names = list(expressions(node.filter_expression)) if isinstance(node, VariableNode) else []
        for attribute, value in vars(node).items():
            if attribute not in {"nodelist", "conditions_nodelists", "filter_expression"}:
                names += expressions(value)
        for condition, _branch in getattr(node, "conditions_nodelists", ()):
            names += expressions(condition)
        for name in names:
            if (
                name.split(".")[0] in VISITOR_ROOTS
                or name.startswith(VISITOR_PATHS)
                or name.startswith(QUERY_PATHS)
                and not extra_keys
            ):
                found.append(name)
    return found


@pytest.mark.parametrize("model", page_types(), ids=lambda model: model.__name__)
def test_content_fragments_show_nothing_about_the_visitor(model):
    assert visitor_dependent(get_template(model.template).template) == []


def test_the_check_finds_visitor_values_in_a_fragment():
    engine = engines["django"].engine
    load = "{% load portal_tags %}"
    leaky = Template(
        load + '{% page_content_cache "x" %}{{ request.user.username }}{% if perms.home %}!{% endif %}'
        "{% csrf_token %}{{ request.GET.q }}{% endpage_content_cache %}",
        engine=engine,
    )
    assert visitor_dependent(leaky) == [
        "request.user.username",
        "perms.home",
        "{% csrf_token %}",
        "request.GET.q",
    ]
    keyed = Template(
        load + '{% page_content_cache "x" shown_key %}{{ request.GET.q }}{% endpage_content_cache %}'
        "{{ request.user }}",
        engine=engine,
    )
    assert visitor_dependent(keyed) == []  # the query is in the key; the user is outside
    inherited = Template(
        '{% extends "pages/base_page.html" %}{% block page_content %}{% if user.is_authenticated %}!'
        "{% endif %}{% endblock %}{% block title %}{{ user }}{% endblock %}",
        engine=engine,
    )
    assert visitor_dependent(inherited) == ["user.is_authenticated"]  # the title is outside the fragment


def test_every_page_type_is_in_the_register():
    table = CONVENTIONS.read_text().split("## En ny sidetype", 1)[1]
    registered = set(re.findall(r"^\| `(\w+)` \|", table, flags=re.MULTILINE))
    assert {model.__name__ for model in page_types()} == registered
