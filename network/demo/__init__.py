"""Demo content for the network (and later the intranet), in Bokmål and Nynorsk."""

from home.demo.bilingual import Glossary

from .people import load_people_and_units
from .structure import load_pages


def load(stdout):
    t = Glossary()
    people = load_people_and_units(t)
    index = load_pages(t, people)
    stdout.write(f"  nettverk: {index.url_path}")
    return index
