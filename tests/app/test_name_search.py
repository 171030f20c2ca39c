"""Name search: completed words match whole words, the word being typed matches by prefix.

Clerks type a name word by word; a word followed by another one is finished,
so "hoa lan" means the word "hoa", not every name starting with "hoa"
(Hoàng, Hoài…). Only when those exact matches do not fill the page does the
search widen to prefixes of every word (so "ng th an" still finds Nguyễn Thị
Ánh Dương), and then it finds exactly what the prefix search always found.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.dossiers import intake as intake_uc
from app.dossiers import lookup
from app.dossiers.views import by_code, view
from db.models import Applicant, Dossier

NOW = datetime(2026, 2, 13, 9, 30)

# Oldest first: ids (and receipt times) grow down the list.
PEOPLE = [
    ("Hoa Thị Lan", "001085000101"),
    ("Hoàng Văn Lan", "001085000102"),
    ("Nguyễn Thị Ánh Dương", "001085000222"),
    ("Hòa Minh Lành", "001085000103"),
    ("Hoài Thị Lan", "001085000104"),
]


@pytest.fixture
def people(db, clerk, intake):
    made = {}
    for k, (name, id_number) in enumerate(PEOPLE):
        data = copy.deepcopy(intake)
        data["applicant"].update(full_name=name, id_number=id_number)
        made[name] = intake_uc.receive(db, clerk, data, now=NOW + timedelta(minutes=k))
    return made


def _names(db, query: str, limit: int) -> list[str]:
    with db.read() as session:
        ids = lookup.search_names(session, query, limit)
    with db.read() as session:
        rows = session.execute(
            select(Dossier.id, Applicant.full_name)
            .join(Applicant, Applicant.id == Dossier.applicant_id)
            .where(Dossier.id.in_(ids))
        ).all()
    by_id = dict(rows)
    return [by_id[i] for i in ids]


def test_completed_words_match_whole_words_only(db, people):
    # "hoa" is finished (another word follows): Hoàng and Hoài are not Hoa,
    # although they are newer and a prefix search would show them first.
    assert _names(db, "hoa lan", 2) == ["Hòa Minh Lành", "Hoa Thị Lan"]
    assert _names(db, "hoa thi lan", 1) == ["Hoa Thị Lan"]


def test_last_word_matches_by_prefix_newest_first(db, people):
    assert _names(db, "hoa l", 2) == ["Hòa Minh Lành", "Hoa Thị Lan"]
    assert _names(db, "HÒA   thị  LA", 1) == ["Hoa Thị Lan"]
    assert _names(db, "lan", 3) == ["Hoài Thị Lan", "Hòa Minh Lành", "Hoàng Văn Lan"]


def test_widens_to_prefixes_when_whole_words_do_not_fill_the_page(db, people):
    # Two whole-word matches for a page of three: the prefix search decides,
    # newest first, exactly as before.
    assert _names(db, "hoa lan", 3) == ["Hoài Thị Lan", "Hòa Minh Lành", "Hoàng Văn Lan"]
    assert _names(db, "ng th an", 50) == ["Nguyễn Thị Ánh Dương"]
    assert _names(db, "nguyen thi anh duong xyz", 50) == []


def test_every_kind_of_lookup_returns_the_screen_view(db, clerk, people):
    """The one-query look-up gives what the ORM view of the same dossier gives."""
    target = people["Hoa Thị Lan"]
    with db.read() as session:
        expected = view(by_code(session, target.code), NOW)
    assert lookup.lookup(db, clerk, target.code, now=NOW).items == [expected]
    assert lookup.lookup(db, clerk, target.lookup_url, now=NOW).items == [expected]
    assert lookup.lookup(db, clerk, "001085000101", now=NOW).items == [expected]
    card = "001085000101||Hoa Thị Lan|12031985|Nam|Hà Nội|01012022"
    assert lookup.lookup(db, clerk, card, now=NOW).items == [expected]
    # One whole-word match does not fill the page of 50: the prefix search adds Hoài.
    widened = lookup.lookup(db, clerk, "hoa thi lan", now=NOW).items
    assert [d.applicant_name for d in widened] == ["Hoài Thị Lan", "Hoa Thị Lan"]
    assert widened[-1] == expected
    named = lookup.lookup(db, clerk, "lan", now=NOW).items
    assert [d.applicant_name for d in named] == [
        "Hoài Thị Lan",
        "Hòa Minh Lành",
        "Hoàng Văn Lan",
        "Hoa Thị Lan",
    ]
