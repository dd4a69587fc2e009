"""Page feedback: «Fant du det du lette etter?» under every public page, stored anonymously per page,
language and site, with an admin report, a dashboard panel and a CSV export (issue 22)."""
