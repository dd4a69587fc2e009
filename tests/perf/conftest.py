def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "multiserver: starts two gunicorn servers sharing PostgreSQL and Redis (tests/perf/test_multi_server.py)",
    )
