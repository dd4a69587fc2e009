"""Demo content for the network and its intranet, in Bokmål and Nynorsk."""

from home.demo.bilingual import Glossary

from .intranet import load_intranet
from .people import load_people_and_units
from .structure import load_pages


def load(stdout):
    t = Glossary()
    people = load_people_and_units(t)
    index = load_pages(t, people)
    stdout.write(f"  nettverk: {index.url_path}")
    intranet = load_intranet(t)
    stdout.write(f"  intranett: {intranet.url_path}")
    return index
