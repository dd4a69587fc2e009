"""The guide app's demo content, loaded by `manage.py load_demo_content` (nb + nn):
`action_guide.py` – the action guide with its tools; `services.py` – the service directory."""
