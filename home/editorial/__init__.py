"""The editors' side of the portal: the approval workflow, translation status and content freshness.

- `setup.py` – groups, the «Faglig godkjenning» workflow and where it applies (used by the data
  migration and kept up to date for new pages by `signals.py`).
- `permissions.py` – under a workflow, publishing goes through the workflow (Wagtail would let
  anyone with publish permission bypass it).
- `translation_status.py`, `freshness.py` – the data behind the reports and dashboard panels.
- `views.py`, `hooks.py` – admin views, menu items and dashboard panels (hooks are imported from
  `home/wagtail_hooks.py`).
"""
