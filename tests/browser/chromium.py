"""How this project starts Debian's Chromium: the browser suite and scripts/admin_screenshots.py.

Never a downloaded browser: /usr/bin/chromium from `apt-get install chromium`."""

CHROMIUM = "/usr/bin/chromium"
# Without these Chromium keeps dialling Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
