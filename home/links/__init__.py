"""The link checker: `extract` finds the links in published pages and snippets, `http` checks
external addresses politely, `run` checks every link and stores the results (`home.models.LinkCheck`),
`views` and `hooks` show the broken ones to editors. Run by `manage.py check_links` on a timer,
never on the request path (docs/operations.md)."""
